#include "regio/io/key_salt.hpp"

#include "regio/error.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace regio::io {

std::string read_key_salt(const std::optional<std::string>& salt_file) {
    std::string salt;
    if (salt_file) {
        std::ifstream in(*salt_file, std::ios::binary);
        if (!in) throw IoError("cannot read the key salt file", Where{*salt_file});
        salt.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        while (!salt.empty() && (salt.back() == '\n' || salt.back() == '\r')) salt.pop_back();
        if (salt.empty()) throw UsageError("the key salt file is empty", Where{*salt_file}, "put a secret text in it, e.g. from: head -c 32 /dev/urandom | base64");
        return salt;
    }
    const char* value = std::getenv(kKeySaltVariable);  // NOLINT(concurrency-mt-unsafe): read once, before threads start
    if (value == nullptr || *value == '\0')
        throw UsageError("cell keys need a secret salt: give --key-salt-file FILE or set REGIO_KEY_SALT", {},
                         "keep the salt secret and the same for every table of a release");
    return value;
}

}  // namespace regio::io
