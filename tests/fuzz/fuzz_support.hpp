#pragma once
// Shared pieces of the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp).
//
// A harness feeds one input to a real parsing entry point. regio::Error is
// the expected answer to bad input (the reader names file, line and field);
// anything else is a finding: a crash or sanitizer report, a leak, another
// exception type, or a broken invariant (report_finding aborts, so libFuzzer
// saves the input and the corpus replay test fails on it).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace regio::fuzz {

// Prints "fuzz finding: <what>" on stderr and aborts.
[[noreturn]] void report_finding(std::string_view what);

// Aborts with `what` unless `condition` holds.
inline void require(bool condition, std::string_view what) {
    if (!condition) report_finding(what);
}

// Runs `parse`; regio::Error (any subclass) is an expected outcome and is
// dropped; any other exception is reported as a finding.
template <class Parse>
void expect_only_regio_errors(Parse&& parse);

// A file in a private temporary directory, rewritten for every input, for
// readers that only take a path. The directory is removed at exit.
class ScratchFile {
public:
    explicit ScratchFile(std::string name);
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    // Replaces the file's content; returns its path.
    const std::string& write(const std::uint8_t* data, std::size_t size);
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] const std::string& directory() const { return m_directory; }

private:
    std::string m_directory;
    std::string m_path;
};

// The input as text (TOML and CSV readers take bytes as they come).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Classifies the exception in flight; used by expect_only_regio_errors.
void check_current_exception();

template <class Parse>
void expect_only_regio_errors(Parse&& parse) {
    try {
        parse();
    } catch (...) {
        check_current_exception();
    }
}

}  // namespace regio::fuzz

// The libFuzzer entry points each harness defines.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
