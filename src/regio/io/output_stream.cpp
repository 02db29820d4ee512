#include "regio/io/output_stream.hpp"

#include "regio/error.hpp"
#include "regio/io/write_failure.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <streambuf>
#include <unistd.h>

namespace regio::io {
namespace {

// A write-only stream buffer over a file descriptor that keeps the errno of
// the first failure.
class FileWriteBuffer : public std::streambuf {
public:
    explicit FileWriteBuffer(int fd) : m_fd(fd) { setp(m_buffer.data(), m_buffer.data() + m_buffer.size()); }
    [[nodiscard]] int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override {
        if (!flush_buffer()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return flush_buffer() ? 0 : -1; }

private:
    bool flush_buffer() {
        const char* data = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && m_error == 0) {
            const ssize_t n = ::write(m_fd, data, left);
            if (n < 0) {
                if (errno != EINTR) m_error = errno;
                continue;
            }
            data += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return m_error == 0;
    }

    int m_fd;
    int m_error = 0;
    std::array<char, 1 << 16> m_buffer{};
};

}  // namespace

void write_output_stream(const PlannedOutput& out, const std::function<void(std::ostream&)>& body) {
    const int fd = ::open(out.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int err = errno;
        throw IoError("cannot create the output: " + system_reason(err), Where{out.shown()});
    }
    FileWriteBuffer buffer(fd);
    std::ostream stream(&buffer);
    try {
        body(stream);
    } catch (...) {
        ::close(fd);
        throw;
    }
    stream.flush();
    int err = buffer.error();
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) throw IoError("cannot write: " + system_reason(err), Where{out.shown()});
    if (!stream) throw IoError("cannot write", Where{out.shown()});
}

void write_output_text(const PlannedOutput& out, std::string_view text) {
    write_output_stream(out, [text](std::ostream& stream) { stream.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

}  // namespace regio::io
