#pragma once
// The options of one command, in the order they are declared (the order help
// shows), each bound to the field its value goes to. Declared with a fluent
// builder so that a declaration reads like the CLI11 one it replaces:
//
//   options.add("--method", request.method, "area, centroid or dasymetric").show_default();
//   options.add("--weights", request.weights, "Raster weights").value_name(kInputRaster);
//   options.flag("--overwrite", args.overwrite, "Replace the output if it exists");
#include "regio/options/option_spec.hpp"

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>

namespace regio::options {

// Adjusts the declaration just made; valid while its OptionSet lives.
class OptionBuilder {
public:
    explicit OptionBuilder(Declaration& declaration) : m_declaration(&declaration) {}
    OptionBuilder& value_name(std::string name);
    OptionBuilder& required();
    OptionBuilder& show_default();
    OptionBuilder& delimiter(char separator);
    OptionBuilder& repeatable();
    OptionBuilder& excludes(std::string option);
    OptionBuilder& needs(std::string option);
    OptionBuilder& range(double low, double high);
    OptionBuilder& non_negative();
    OptionBuilder& positive();
    OptionBuilder& one_of(std::initializer_list<std::string> choices);
    OptionBuilder& one_of_any_case(std::initializer_list<std::string> choices);
    OptionBuilder& help(std::string text);
    // The value names columns or fields of input `input` (see ColumnUse).
    OptionBuilder& names_columns_of(std::string input, NameForm form = NameForm::Single, std::string unless_given = {},
                                    std::string unless_value = {});

private:
    Declaration* m_declaration;
};

class OptionSet {
public:
    template <class T>
    OptionBuilder add(std::string names, T& target, std::string help) {
        return push(std::move(names), Target{&target}, std::move(help));
    }
    OptionBuilder flag(std::string names, bool& target, std::string help) {
        return push(std::move(names), Target{&target}, std::move(help));
    }
    // An option declared before (by its long name, "--output"), to adjust it:
    // a shared group's option whose help differs by command. Throws
    // std::logic_error when there is none (a programming error).
    OptionBuilder option(std::string_view name);
    [[nodiscard]] const std::deque<Declaration>& declarations() const { return m_declarations; }

private:
    OptionBuilder push(std::string names, Target target, std::string help);
    std::deque<Declaration> m_declarations;  // a deque: builders keep pointing at their declaration
};

// The long name of a declaration ("output" of "-o,--output"), a positional's
// own name ("crosswalks"), or a short-only option's letter.
std::string long_name(const OptionSpec& spec);
// Whether the declaration is a positional argument (a name without dashes).
bool is_positional(const OptionSpec& spec);

}  // namespace regio::options
