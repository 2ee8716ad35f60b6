import Foundation

/// What `PlanReader` returns: the plan, the outline it was read from, and what looked doubtful.
public struct PlanExtraction: Sendable {
    public var plan: PlanDocument
    /// The document's numbered structure, so a review screen can show it beside the plan.
    public var outline: [OutlineNode]
    public var warnings: [ExtractionWarning]
    /// Which reader produced the text (`text`, `docx`, `pdf`) and, for text, the encoding it was in.
    public var source: SourceDescription

    public init(plan: PlanDocument, outline: [OutlineNode], warnings: [ExtractionWarning], source: SourceDescription) {
        self.plan = plan
        self.outline = outline
        self.warnings = warnings
        self.source = source
    }
}

public struct SourceDescription: Sendable, Equatable {
    public enum Format: String, Sendable { case text, docx, pdf }
    public var format: Format
    /// `utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, … (for DOCX and PDF: `utf-8`).
    public var encoding: String

    public init(format: Format, encoding: String) {
        self.format = format
        self.encoding = encoding
    }
}

/// One labelled item of the document's outline (a Roman part, `1.`, `3.1.`, `a)`).
public struct OutlineNode: Sendable, Equatable {
    public enum Kind: String, Sendable { case part, item, letter }
    public var kind: Kind
    /// The label as printed, without its trailing `.` or `)`: `II`, `3.1`, `a`.
    public var label: String
    /// Where it sits: `II.3.1.a`.
    public var ref: String
    /// The heading's text without its label and emphasis.
    public var text: String
    /// 0 for Roman parts, 1 for `1.`, 2 for `3.1.` or `a)` under `1.`, …
    public var depth: Int
    /// 1-based line in the text the reader produced.
    public var line: Int

    public init(kind: Kind, label: String, ref: String, text: String, depth: Int, line: Int) {
        self.kind = kind
        self.label = label
        self.ref = ref
        self.text = text
        self.depth = depth
        self.line = line
    }
}

/// Something the reader could not settle. `code` is stable (the app translates it); `args` are the raw
/// values the message mentions; `message` is English, for the command line.
public struct ExtractionWarning: Sendable, Equatable {
    public enum Code: String, Sendable {
        case noLeadAgency = "task.no-lead"
        case unrecognisedAgency = "agency.unrecognised"
        case noContentPart = "outline.no-content-part"
        case noTasks = "tasks.none"
        case noTitle = "header.no-title"
        case noSigner = "signer.missing"
        case impossibleDate = "date.impossible"
        case convertedEncoding = "source.converted-encoding"
    }

    public var code: Code
    public var ref: String?
    public var args: [String]

    public init(code: Code, ref: String? = nil, args: [String] = []) {
        self.code = code
        self.ref = ref
        self.args = args
    }

    public var message: String {
        switch code {
        case .noLeadAgency: return "task \(ref ?? "?") names no lead agency"
        case .unrecognisedAgency:
            return "agency name unrecognised in \(ref ?? "the plan"): \"\(args.first ?? "")\""
        case .noContentPart: return "no part titled like \"Nội dung\" or \"Nhiệm vụ\": no tasks read"
        case .noTasks: return "the content parts hold no numbered items"
        case .noTitle: return "no document type line (KẾ HOẠCH, …) found: header fields left empty"
        case .noSigner: return "no signature block found"
        case .impossibleDate: return "impossible date \"\(args.first ?? "")\" ignored"
        case .convertedEncoding: return "text converted from \(args.first ?? "a legacy encoding") to Unicode"
        }
    }
}
