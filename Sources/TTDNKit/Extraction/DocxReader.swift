import Foundation
import ZIPFoundation

/// Reads a DOCX into Markdown-like lines for the text rules: one line per paragraph (a blank line
/// between), `**…**` around bold runs, Word's automatic numbers written out, table cells in reading
/// order (so the header and footer tables come out as their lines), soft breaks as new lines.
enum DocxReader {
    struct Result {
        var text: String
        var footnotes: [String]
    }

    static func read(_ data: Data, maxExpandedBytes: Int) throws(PlanReadError) -> Result {
        // A file-backed archive: ZIPFoundation's in-memory archives leak their data on Linux (the
        // fuzzer's leak checker found it), which a server importing plans all day cannot afford.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-docx-\(UUID().uuidString).zip")
        do { try data.write(to: file) } catch { throw .unreadable("cannot write a temporary file") }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw .notADocx("not a readable ZIP archive")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > 10_000 { throw .notADocx("too many entries") }
            if entry.type == .file,
                ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml"].contains(
                    entry.path)
            {
                entries[entry.path] = entries[entry.path] ?? entry
            }
        }
        guard let document = entries["word/document.xml"] else { throw .notADocx("no word/document.xml inside") }
        let bytes = [UInt8](data)
        var budget = maxExpandedBytes
        let documentXML = try extract(document, from: bytes, budget: &budget, total: maxExpandedBytes)
        var numbering = DocxNumbering()
        if let entry = entries["word/numbering.xml"] {
            let xml = try extract(entry, from: bytes, budget: &budget, total: maxExpandedBytes)
            numbering = (try? DocxNumbering(xml: xml)) ?? DocxNumbering()
        }
        var styles = DocxStyles()
        if let entry = entries["word/styles.xml"] {
            let xml = try extract(entry, from: bytes, budget: &budget, total: maxExpandedBytes)
            styles = (try? DocxStyles(xml: xml)) ?? DocxStyles()
        }
        var footnotes: [String] = []
        if let entry = entries["word/footnotes.xml"] {
            let xml = try extract(entry, from: bytes, budget: &budget, total: maxExpandedBytes)
            footnotes = (try? DocxBody.footnotes(xml)) ?? []
        }
        do {
            var body = DocxBody(numbering: numbering, styles: styles)
            let text = try body.read(documentXML)
            return Result(text: text, footnotes: footnotes)
        } catch {
            throw .malformedXML("word/document.xml: \(error.reason) at byte \(error.offset)")
        }
    }

    /// An entry's bytes, refusing once the parts read so far expand past the budget (a ZIP bomb
    /// declares a small size and inflates to gigabytes: count what actually comes out).
    static func extract(_ entry: Entry, from archive: [UInt8], budget: inout Int, total: Int) throws(PlanReadError)
        -> [UInt8]
    {
        let limit = max(0, budget)
        guard entry.uncompressedSize <= UInt64(limit) else { throw .docxBomb(limit: total) }
        guard entry.compressedSize <= UInt64(archive.count) else {
            throw .notADocx("\(entry.path) is larger than the file")
        }
        do {
            let out = try ZipInflate.contents(
                of: entry.path, compressedSize: Int(entry.compressedSize), isCompressed: entry.isCompressed,
                in: archive, limit: limit)
            budget -= out.count
            return out
        } catch {
            switch error {
            case .overLimit: throw .docxBomb(limit: total)
            case .corrupt(let why): throw .notADocx(why)
            }
        }
    }
}
