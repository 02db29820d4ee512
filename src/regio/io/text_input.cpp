#include "regio/io/text_input.hpp"

#include "regio/io/gdal_handles.hpp"
#include "regio/table/utf8.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace regio::io {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// Records every GDAL message (warnings too) while alive: CPLRecode reports an
// unknown encoding only as a warning and returns its input unchanged.
class AnyMessage {
public:
    AnyMessage() { CPLPushErrorHandlerEx(&AnyMessage::handler, this); }
    ~AnyMessage() { CPLPopErrorHandler(); }
    AnyMessage(const AnyMessage&) = delete;
    AnyMessage& operator=(const AnyMessage&) = delete;
    [[nodiscard]] const std::string& text() const { return m_text; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message) {
        if (level == CE_Debug) return;
        auto* self = static_cast<AnyMessage*>(CPLGetErrorHandlerUserData());
        if (self && message && self->m_text.empty()) self->m_text = message;
    }
    std::string m_text;
};

// Other containers a "CSV" may turn out to be, by their first bytes: said
// plainly instead of an "invalid UTF-8" error on line 1.
struct Container {
    std::string_view magic;
    const char* what;
    const char* hint;
};
constexpr Container kContainers[] = {
    {"PK\x03\x04", "a zip archive (or an .xlsx workbook), not text", "unpack it (unzip), or save the sheet as CSV UTF-8"},
    {"BZh", "bzip2-compressed", "decompress it first (bunzip2); gzip-compressed files are read as they are"},
    {std::string_view("\xFD" "7zXZ\0", 6), "xz-compressed", "decompress it first (unxz); gzip-compressed files are read as they are"},
    {"\x28\xB5\x2F\xFD", "zstd-compressed", "decompress it first (unzstd); gzip-compressed files are read as they are"},
    {"\xD0\xCF\x11\xE0", "an Excel (OLE) workbook, not text", "save the sheet as CSV UTF-8"},
};

std::string recode_piece(const std::string& piece, const std::string& encoding) {
    char* out = CPLRecode(piece.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    std::string result = out ? out : "";
    CPLFree(out);
    return result;
}

}  // namespace

char parse_delimiter(const std::string& text) {
    const std::string t = upper(text);
    if (t == "," || t == "COMMA") return ',';
    if (t == ";" || t == "SEMICOLON") return ';';
    if (t == "|" || t == "PIPE") return '|';
    if (t == "\t" || t == "\\T" || t == "TAB") return '\t';
    if (text.size() == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r' && std::isprint(static_cast<unsigned char>(text[0])) &&
        !std::isalnum(static_cast<unsigned char>(text[0])) && text[0] != '.' && text[0] != '-')
        return text[0];
    throw UsageError("--delimiter '" + text + "' is not a delimiter", {},
                     "use one character such as ',', ';', '|' or 'tab'");
}

TextOptions text_options(const std::string& delimiter, const std::string& encoding) {
    TextOptions out;
    if (!delimiter.empty()) out.delimiter = parse_delimiter(delimiter);
    check_encoding(encoding);
    if (!is_utf8_name(encoding)) out.encoding = encoding;
    return out;
}

bool is_utf8_name(const std::string& encoding) {
    const std::string e = upper(encoding);
    return e.empty() || e == "UTF-8" || e == "UTF8";
}

void check_encoding(const std::string& encoding) {
    if (is_utf8_name(encoding)) return;
    const std::string e = upper(encoding);
    if (e.starts_with("UTF-16") || e.starts_with("UTF16") || e.starts_with("UTF-32") || e.starts_with("UTF32") ||
        e.starts_with("UCS-2") || e.starts_with("UCS-4") || e.starts_with("UCS2") || e.starts_with("UCS4"))
        throw UsageError("--encoding " + encoding + " is not read: delimiters and numbers must be single bytes", {},
                         "convert the file first, e.g. iconv -f " + encoding + " -t UTF-8");
    ensure_gdal();
    AnyMessage message;
    // A byte above ASCII: recoding it must not fail.
    const std::string probe = recode_piece("a\xE9", encoding);
    if (!message.text().empty() || probe.empty() || probe[0] != 'a')
        throw UsageError("--encoding '" + encoding + "' is not an encoding GDAL can read" +
                             (message.text().empty() ? std::string() : ": " + message.text()),
                         {}, "use a name iconv knows, e.g. ISO-8859-1, CP1252, ISO-8859-15");
}

std::string recode_to_utf8(std::string_view text, const std::string& encoding) {
    if (is_utf8_name(encoding)) return std::string(text);
    ensure_gdal();
    // CPLRecode reads C strings: recode between NUL bytes and keep them.
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nul = std::min(text.find('\0', start), text.size());
        out += recode_piece(std::string(text.substr(start, nul - start)), encoding);
        if (nul == text.size()) break;
        out += '\0';
        start = nul + 1;
    }
    return out;
}

void require_utf8(std::string_view text, const Where& where) {
    const std::size_t bad = table::find_invalid_utf8(text);
    // A NUL is valid UTF-8 but cuts C strings (GDAL, SQLite) short: a text
    // field holding one is binary data or UTF-16 without a byte order mark.
    if (bad == std::string_view::npos && text.find('\0') != std::string_view::npos)
        throw DataError("holds a NUL byte (0x00)", where, "the file may be binary or UTF-16: convert it to UTF-8 text");
    if (bad == std::string_view::npos) return;
    throw DataError(table::describe_invalid_utf8(text, bad), where,
                    "name the file's encoding, e.g. --encoding ISO-8859-1 (or CP1252), or convert it to UTF-8");
}

std::string text_as_utf8(std::string_view text, const TextOptions& options, const Where& where) {
    std::string out = is_utf8_name(options.encoding) ? std::string(text) : recode_to_utf8(text, options.encoding);
    require_utf8(out, where);
    return out;
}

struct TextFile::Handle {
    VSILFILE* file = nullptr;
    // "-": standard input, read with read(2); `head` holds the bytes already
    // looked at to recognise the format.
    bool from_stdin = false;
    std::string head;
    ~Handle() {
        if (file) VSIFCloseL(file);
    }
    std::size_t read_stdin(char* out, std::size_t size) {
        std::size_t got = std::min(size, head.size());
        std::memcpy(out, head.data(), got);
        head.erase(0, got);
        while (got < size) {
            const ssize_t n = ::read(STDIN_FILENO, out + got, size - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw IoError(std::string("read error: ") + std::strerror(errno), Where{"standard input"});
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        return got;
    }
};

// Standard input ("-", issue #18 item 8): read as it comes; a compressed
// stream is refused (its size and a second look are not available).
void TextFile::open_stdin() {
    m_handle->from_stdin = true;
    char head[8] = {};
    const std::size_t got = m_handle->read_stdin(head, sizeof head);
    m_handle->head.assign(head, got);
    const std::string_view start(head, got);
    for (const Container& c : kContainers)
        if (start.starts_with(c.magic)) throw DataError(std::string("the input is ") + c.what, Where{"standard input"}, c.hint);
    if (start.starts_with("\x1F\x8B"))
        throw DataError("the input is gzip-compressed", Where{"standard input"}, "decompress it into the pipe, e.g. gunzip -c FILE.gz | regio ...");
}

TextFile::TextFile(const std::string& path) : m_path(path), m_handle(std::make_unique<Handle>()) {
    ensure_gdal();
    if (is_stdin_name(path)) {
        open_stdin();
        return;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw IoError("no such file", Where{path});
    m_size = std::filesystem::file_size(path, ec);
    m_handle->file = VSIFOpenL(path.c_str(), "rb");
    if (!m_handle->file) throw IoError(std::string("cannot open: ") + std::strerror(errno), Where{path});
    char head[8] = {};
    const std::size_t got = VSIFReadL(head, 1, sizeof head, m_handle->file);
    const std::string_view start(head, got);
    for (const Container& c : kContainers)
        if (start.starts_with(c.magic)) throw DataError(std::string("the file is ") + c.what, Where{path}, c.hint);
    const bool gzip = start.starts_with("\x1F\x8B");
    if (!gzip) {
        VSIFSeekL(m_handle->file, 0, SEEK_SET);
        return;
    }
    // gzip: the last four bytes hold the uncompressed size (modulo 2^32).
    unsigned char tail[4] = {0, 0, 0, 0};
    if (m_size >= 18 && VSIFSeekL(m_handle->file, m_size - 4, SEEK_SET) == 0 && VSIFReadL(tail, 1, 4, m_handle->file) == 4)
        m_size = tail[0] | (std::uint64_t{tail[1]} << 8) | (std::uint64_t{tail[2]} << 16) | (std::uint64_t{tail[3]} << 24);
    VSIFCloseL(m_handle->file);
    m_compressed = true;
    m_handle->file = VSIFOpenL(("/vsigzip/" + path).c_str(), "rb");
    if (!m_handle->file) throw IoError("cannot open as gzip", Where{path});
}

TextFile::~TextFile() = default;

std::size_t TextFile::read(char* out, std::size_t size) {
    if (m_handle->from_stdin) {
        const std::size_t from_stdin = m_handle->read_stdin(out, size);
        m_read += from_stdin;
        return from_stdin;
    }
    CplErrorCapture capture;
    CPLErrorReset();
    const std::size_t got = VSIFReadL(out, 1, size, m_handle->file);
    m_read += got;
    if (got < size && CPLGetLastErrorType() >= CE_Failure) {
        // GDAL's zlib message names its own source line: say it plainly.
        if (m_compressed) throw IoError("cannot decompress: the gzip data are truncated or corrupt", Where{m_path});
        throw IoError("read error: " + capture.last_error("the file ends early"), Where{m_path});
    }
    return got;
}

std::string TextFile::read_all() {
    std::string text;
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    while (true) {
        const std::size_t old = text.size();
        text.resize(old + kBlock);
        const std::size_t got = read(text.data() + old, kBlock);
        text.resize(old + got);
        if (got < kBlock) return text;
    }
}

double TextFile::fraction_read() const {
    if (m_size == 0) return 1.0;
    return std::min(1.0, static_cast<double>(m_read) / static_cast<double>(m_size));
}

bool is_text_table_name(const std::string& path) {
    if (is_stdin_name(path)) return true;  // standard input: CSV
    std::string name = std::filesystem::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    return name.ends_with(".csv") || name.ends_with(".tsv") || name.ends_with(".txt");
}

}  // namespace regio::io
