import Foundation

/// Word 97–2003 `.doc` files, which many offices still receive: converted to DOCX by LibreOffice
/// (`soffice --headless --convert-to docx`) and read as DOCX. Without LibreOffice the reader says how to
/// install it.
enum LegacyDoc {
    static func docx(from data: Data, options: PlanReader.Options) throws(PlanReadError) -> Data {
        // An OLE compound file has a 512-byte header with the byte-order mark FFFE at offset 28; anything
        // shorter or without it is not one (LibreOffice would import it as text and make up a document).
        let bytes = [UInt8](data.prefix(32))
        guard data.count >= 512, bytes.count == 32, bytes[28] == 0xFE, bytes[29] == 0xFF else {
            throw .docFailed("not a Word document")
        }
        guard let tool = ExternalTool.find(["soffice", "libreoffice"], given: options.sofficePath) else {
            throw .docToolMissing
        }
        do {
            return try ExternalTool.convert(
                data, inputName: "in.doc", outputName: "in.docx", tool: tool, timeout: options.docTimeout
            ) { dir in
                // A profile of its own, so that a running LibreOffice or another conversion does not block it.
                [
                    "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path, "--headless",
                    "--norestore", "--convert-to", "docx", "--outdir", dir.path,
                    dir.appendingPathComponent("in.doc").path,
                ]
            }
        } catch {
            switch error {
            case .missing: throw .docToolMissing
            case .timedOut: throw .docFailed("LibreOffice took longer than \(Int(options.docTimeout)) s")
            case .status(let code): throw .docFailed("exit status \(code)")
            case .io: throw .docFailed("no DOCX came out (is it a Word document?)")
            }
        }
    }
}
