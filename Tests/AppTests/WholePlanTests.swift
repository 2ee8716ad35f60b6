import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The whole plan, not its skeleton (issue 11): what each task asks is stored and shown, and *Tổ chức thực
/// hiện* becomes work — every agency it charges with duties gets them as a task of its own, sees it among its
/// tasks and owes reports; the export prints the duties as written.
@Suite("The whole plan")
struct WholePlanTests {
    /// A plan in the form provinces write them, with five agencies charged in Tổ chức thực hiện.
    static let plan = """
        ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
        Số: 21/KH-UBND
        Lạng Sơn, ngày 15 tháng 01 năm 2026

        KẾ HOẠCH
        Công tác thông tin đối ngoại năm 2026

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Quảng bá hình ảnh Lạng Sơn với bạn bè quốc tế.
        2. Yêu cầu
        Bám sát chủ trương của Đảng, chính sách của Nhà nước.

        II. NỘI DUNG
        1. Phát hành Bản tin đối ngoại. Bản tin song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh.
        - Hình thức: bản in và bản điện tử.
        - Đơn vị chủ trì: Sở Ngoại vụ.
        - Thời gian: Quý II năm 2026.
        2. Tổ chức hội nghị báo chí nước ngoài
        Mời phóng viên nước ngoài thường trú tại Hà Nội tìm hiểu về kinh tế cửa khẩu.
        - Đơn vị chủ trì: Sở Ngoại vụ; đơn vị phối hợp: Sở Công Thương.

        III. KINH PHÍ
        Kinh phí bố trí trong dự toán năm 2026 của các cơ quan, đơn vị.

        IV. TỔ CHỨC THỰC HIỆN
        1. Sở Tài chính thẩm định dự toán kinh phí. Hướng dẫn thanh quyết toán theo quy định.
        2. Sở Văn hóa, Thể thao và Du lịch
        Giới thiệu các điểm du lịch của tỉnh tại hội chợ quốc tế.
        3. Phân công các cơ quan
        - Sở Y tế: tuyên truyền hợp tác y tế với các tỉnh biên giới của Trung Quốc.
        - Sở Giáo dục và Đào tạo: giới thiệu hợp tác đào tạo lưu học sinh Lào.
        - Sở Tư pháp: phổ biến pháp luật về xuất nhập cảnh cho cư dân biên giới.
        4. Chế độ báo cáo
        Các cơ quan báo cáo kết quả hằng quý trước ngày 15 của tháng cuối quý về Sở Ngoại vụ.

        Nơi nhận:
        - UBND tỉnh;
        - Lưu: VT.

        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

        Đoàn Thu Hà
        """

    static func importPlan(_ app: Application) async throws -> UUID {
        let summary = try await PlanImportService(db: app.db, audit: .system("test", clock: app.clock))
            .importWithoutReview(data: Data(plan.utf8), filename: "ke-hoach.txt", status: .issued)
        return summary.planID
    }

    @Test("Each agency charged with duties gets them as its own task, with the plan's year, and owes reports")
    func dutiesBecomeTasks() async throws {
        try await withApp { app in
            _ = try await PlanImportTests.seedDirectory(app)
            let planID = try await Self.importPlan(app)
            let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == planID).sort(\.$position).all()
            let implementation = tasks.filter { $0.taskOrigin == .implementation }
            #expect(implementation.map(\.ref) == ["IV.1", "IV.2", "IV.3.a", "IV.3.b", "IV.3.c"])
            #expect(implementation[0].title == "Sở Tài chính thẩm định dự toán kinh phí")
            #expect(implementation[0].content == "Hướng dẫn thanh quyết toán theo quy định.")
            #expect(implementation[1].title == "Giới thiệu các điểm du lịch của tỉnh tại hội chợ quốc tế")
            #expect(implementation.allSatisfy { $0.timeframe?.year == 2026 })
            // Linked to the directory as leads, so they are these agencies' tasks.
            let codes = ["so-tai-chinh", "so-van-hoa-the-thao-du-lich", "so-y-te", "so-giao-duc-dao-tao", "so-tu-phap"]
            for (task, code) in zip(implementation, codes) {
                let agency = try #require(try await Agency.query(on: app.db).filter(\.$code == code).first())
                let lead = try await TaskAgency.query(on: app.db).filter(\.$task.$id == task.id!).all()
                #expect(lead.map(\.role) == ["lead"] && lead.first?.$agency.id == agency.id, "\(code)")
                // The plan's quarterly report is owed by every agency charged, not only the content leads.
                let owed = try await Obligation.query(on: app.db).filter(\.$agency.$id == agency.id!).count()
                #expect(owed == 4, "\(code) owes the four quarterly reports")
            }
            // The content tasks keep what they ask, as written; units and time lines are in the fields.
            let first = try #require(tasks.first { $0.ref == "II.1" })
            #expect(first.taskOrigin == .content)
            #expect(
                first.content
                    == "Bản tin song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh.\n\nHình thức: bản in và bản điện tử."
            )
            let plan = try #require(try await Plan.find(planID, on: app.db))
            #expect(
                plan.purposes
                    == "Quảng bá hình ảnh Lạng Sơn với bạn bè quốc tế.\n\nBám sát chủ trương của Đảng, chính sách của Nhà nước."
            )
            #expect(plan.budget == "Kinh phí bố trí trong dự toán năm 2026 của các cơ quan, đơn vị.")
            let duties = try await PlanResponsibility.query(on: app.db).filter(\.$plan.$id == planID).sort(\.$position)
                .all()
            #expect(
                duties.first?.duties
                    == "Sở Tài chính thẩm định dự toán kinh phí. Hướng dẫn thanh quyết toán theo quy định.")
        }
    }

    @Test("The export prints the duties as written, and reading it back gives them again")
    func exportKeepsTheDuties() async throws {
        try await withApp { app in
            _ = try await PlanImportTests.seedDirectory(app)
            let planID = try await Self.importPlan(app)
            let exporter = PlanExporter(db: app.db, today: app.clock.today)
            let loaded = try #require(try await exporter.load(planID))
            // The tasks made from Tổ chức thực hiện are not printed as content tasks.
            #expect(loaded.document.tasks.map(\.ref) == ["II.1", "II.2"])
            let docx = try exporter.docx(loaded, created: app.clock.now())
            let read = try PlanReader.read(data: docx, filename: "export.docx").plan
            #expect(read.tasks.map(\.ref) == ["II.1", "II.2"])
            #expect(read.tasks[0].content.contains("Hình thức: bản in và bản điện tử."))
            let duties = Dictionary(read.responsibilities.map { ($0.agencies.joined(separator: "; "), $0.duties) }) {
                a, _ in a
            }
            #expect(duties["Sở Y tế"] == ["tuyên truyền hợp tác y tế với các tỉnh biên giới của Trung Quốc."])
            #expect(
                duties["Sở Văn hóa, Thể thao và Du lịch"] == [
                    "Giới thiệu các điểm du lịch của tỉnh tại hội chợ quốc tế."
                ])
            #expect(duties["Sở Tài chính"]?.joined(separator: " ").contains("Hướng dẫn thanh quyết toán") == true)
        }
    }

    @Test("Nhiệm vụ của đơn vị and the plan page show what each task asks; a charged agency finds its duties")
    func pagesShowTheText() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            let planID = try await Self.importPlan(app)
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let mine = try await officer.get(SiteURL.myTasks.path).text
            #expect(mine.contains("Bản tin song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh."))
            // Beside the report form's fields too.
            let ngoaiVu = try #require(try await Agency.query(on: app.db).filter(\.$code == "so-ngoai-vu").first())
            let regime = try #require(try await RegimeRecord.query(on: app.db).filter(\.$plan.$id == planID).first())
            let obligation = try #require(
                try await Obligation.query(on: app.db).filter(\.$agency.$id == ngoaiVu.id!)
                    .filter(\.$regime.$id == regime.id!).first())
            let form = try await officer.get(SiteURL.report(obligation.id!).path).text
            #expect(form.contains("class=\"task-text\"") && form.contains("Hình thức: bản in và bản điện tử."))
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let yTe = try #require(try await Agency.query(on: app.db).filter(\.$code == "so-y-te").first())
            let theirs = try await coordinator.get(SiteURL.myTasks.with(["agency": yTe.id!.uuidString])).text
            #expect(theirs.contains("Tuyên truyền hợp tác y tế với các tỉnh biên giới của Trung Quốc"))
            let page = try await coordinator.get(SiteURL.plan(planID).path).text
            #expect(page.contains("Mời phóng viên nước ngoài thường trú tại Hà Nội tìm hiểu về kinh tế cửa khẩu."))
            #expect(page.contains("Hướng dẫn thanh quyết toán theo quy định."))
        }
    }

    @Test("A task without a lead is listed with owners proposed from the duties; the one chosen leads it")
    func ownersForATaskWithoutALead() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let text = Self.plan.replacingOccurrences(
                of: "2. Tổ chức hội nghị báo chí nước ngoài",
                with: "3. Giới thiệu hợp tác y tế với các tỉnh biên giới của Trung Quốc trên báo chí nước ngoài\n"
                    + "2. Tổ chức hội nghị báo chí nước ngoài")
            let uploaded = try await PlanImportTests.upload(&browser, filename: "ke-hoach.txt", data: Data(text.utf8))
            let reviewPath = try #require(uploaded.location)
            let review = try await browser.get(reviewPath).text
            // The task has no lead: the review says so and proposes Sở Y tế, with the words they share.
            #expect(review.contains("Chưa có đơn vị chủ trì"))
            #expect(review.contains("value=\"Sở Y tế\""))
            #expect(review.contains("hợp tác y tế"))
            var fields = PlanImportTests.formFields(review)
            let index = try #require(
                fields.first { $0.0.hasSuffix("[title]") && $0.1.hasPrefix("Giới thiệu hợp tác y tế") }.map {
                    $0.0.replacingOccurrences(of: "[title]", with: "")
                })
            fields.append(("\(index)[owners][]", "Sở Y tế"))
            let saved = try await browser.post(reviewPath, form: fields)
            #expect(saved.status == .seeOther)
            let task = try #require(
                try await PlanTask.query(on: app.db).filter(
                    \.$title == "Giới thiệu hợp tác y tế với các tỉnh biên giới của Trung Quốc trên báo chí nước ngoài"
                ).first())
            let leads = try await TaskAgency.query(on: app.db).filter(\.$task.$id == task.id!).all()
            let yTe = try #require(try await Agency.query(on: app.db).filter(\.$code == "so-y-te").first())
            #expect(leads.map(\.role) == ["lead"] && leads.first?.$agency.id == yTe.id)
        }
    }

    @Test("Importing the same document again says so, offers the existing plan, and saves only on purpose")
    func theSameDocumentTwice() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            let first = try await Self.importPlan(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let uploaded = try await PlanImportTests.upload(&browser, filename: "lai.txt", data: Data(Self.plan.utf8))
            let reviewPath = try #require(uploaded.location)
            let review = try await browser.get(reviewPath).text
            #expect(review.contains("Văn bản này đã có trong hệ thống."))
            #expect(review.contains("href=\"\(SiteURL.plan(first).path)\""))
            let fields = PlanImportTests.formFields(review)
            let refused = try await browser.post(reviewPath, form: fields)
            #expect(refused.status == .badRequest && refused.text.contains("hãy mở kế hoạch đã có"))
            #expect(try await Plan.query(on: app.db).count() == 1)
            // The same number, symbol and date in another file is the same document too.
            let edited = Self.plan.replacingOccurrences(of: "Mời phóng viên", with: "Đón phóng viên")
            let other = try await PlanImportTests.upload(&browser, filename: "khac.txt", data: Data(edited.utf8))
            #expect(try await browser.get(try #require(other.location)).text.contains("Đã có kế hoạch cùng số"))
            // Chosen on purpose, it is saved as a plan of its own.
            let saved = try await browser.post(reviewPath, form: fields + [("duplicate", "separate")])
            #expect(saved.status == .seeOther)
            #expect(try await Plan.query(on: app.db).count() == 2)
        }
    }

    @Test("A new version replaces the plan in place: unchanged tasks keep their rows (and reports), the changes listed")
    func aNewVersionReplacesThePlan() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            let planID = try await Self.importPlan(app)
            func tasks() async throws -> [String: App.PlanTask] {
                let all = try await PlanTask.query(on: app.db).filter(\.$plan.$id == planID).all()
                return Dictionary(uniqueKeysWithValues: all.map { ($0.ref, $0) })
            }
            let before = try await tasks()
            let obligations = Set(try await Obligation.query(on: app.db).all().compactMap(\.id))
            // The amended plan: II.1's text changed, II.2 reworded, a task added.
            let amended = Self.plan
                .replacingOccurrences(of: "- Hình thức: bản in và bản điện tử.", with: "- Hình thức: bản điện tử.")
                .replacingOccurrences(
                    of: "2. Tổ chức hội nghị báo chí nước ngoài", with: "2. Tổ chức họp báo cho phóng viên nước ngoài"
                )
                .replacingOccurrences(
                    of: "III. KINH PHÍ",
                    with: "3. Xuất bản sách ảnh về Lạng Sơn\n- Đơn vị chủ trì: Sở Ngoại vụ.\n\nIII. KINH PHÍ"
                )
                .replacingOccurrences(of: "trước ngày 15 của tháng cuối quý", with: "trước ngày 20 của tháng cuối quý")
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let uploaded = try await PlanImportTests.upload(&browser, filename: "sua-doi.txt", data: Data(amended.utf8))
            let reviewPath = try #require(uploaded.location)
            let review = try await browser.get(reviewPath).text
            #expect(review.contains("thành phiên bản mới thay thế kế hoạch đã có"))
            let saved = try await browser.post(
                reviewPath, form: PlanImportTests.formFields(review) + [("duplicate", "replace")])
            #expect(saved.status == .seeOther && saved.location == SiteURL.plan(planID).path)
            #expect(try await Plan.query(on: app.db).count() == 1)
            let after = try await tasks()
            #expect(after["II.1"]?.id == before["II.1"]?.id)
            #expect(after["II.1"]?.content.contains("Hình thức: bản điện tử.") == true)
            #expect(after["IV.1"]?.id == before["IV.1"]?.id)
            #expect(
                after["II.2"]?.id != before["II.2"]?.id
                    && after["II.2"]?.title == "Tổ chức họp báo cho phóng viên nước ngoài")
            #expect(after["II.3"] != nil)
            // The obligations (and the reports on them) are still there.
            let now = Set(try await Obligation.query(on: app.db).all().compactMap(\.id))
            #expect(obligations.isSubset(of: now))
            let page = try await browser.get(SiteURL.plan(planID).path).text
            #expect(page.contains("Nhiệm vụ thêm: II.2, II.3. Bỏ: II.2. Sửa: II.1."))  // II.2 reworded is other work
            // The regimes are the coordinator's: a new reporting duty is pointed out, not applied.
            #expect(page.contains("Chế độ báo cáo trong phiên bản mới khác phiên bản cũ"))
            let duties = try await PlanReportingDuty.query(on: app.db).filter(\.$plan.$id == planID).all()
            #expect(duties.map(\.beforeDay) == [20])
        }
    }

    @Test("A header without a known issuing body: the review asks for it, nothing is filled in")
    func theIssuerIsAskedFor() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let text = "KẾ HOẠCH\nThông tin đối ngoại năm 2026\n\nII. NỘI DUNG\n1. Phát hành bản tin\n"
            let uploaded = try await PlanImportTests.upload(&browser, filename: "k.txt", data: Data(text.utf8))
            let review = try await browser.get(try #require(uploaded.location)).text
            #expect(review.contains("không nêu cơ quan ban hành có trong danh bạ"))
            #expect(review.contains("<option value=\"\">—</option>") && !review.contains("\" selected>Ủy ban nhân dân"))
            // A plan whose header names it is not asked about.
            let named = try await PlanImportTests.upload(&browser, filename: "n.txt", data: Data(Self.plan.utf8))
            #expect(!(try await browser.get(try #require(named.location)).text.contains("không nêu cơ quan ban hành")))
        }
    }

    @Test("Reissue for the next year: a draft with the year moved on, today's names, no number; saved as a new plan")
    func reissueForNextYear() async throws {
        try await withApp { app in
            let fixture = try await PlanImportTests.seedDirectory(app)
            let planID = try await Self.importPlan(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let page = try await browser.get(SiteURL.plan(planID).path).text
            #expect(page.contains("action=\"\(SiteURL.planReissue(planID).path)\"") && page.contains("value=\"2027\""))
            let drafted = try await browser.post(SiteURL.planReissue(planID).path, form: [("year", "2027")])
            #expect(drafted.status == .seeOther)
            let reviewPath = try #require(drafted.location)
            let review = try await browser.get(reviewPath).text
            #expect(review.contains("Công tác thông tin đối ngoại năm 2027"))
            #expect(review.contains("Quý II năm 2027"))
            #expect(review.contains("Bản tin song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh."))
            #expect(!review.contains("Văn bản này đã có trong hệ thống."))
            let fields = PlanImportTests.formFields(review)
            #expect(fields.first { $0.0 == "number" }?.1 == "")
            let saved = try await browser.post(reviewPath, form: fields)
            #expect(saved.status == .seeOther)
            let plans = try await Plan.query(on: app.db).sort(\.$year).all()
            #expect(plans.map(\.year) == [2026, 2027])
            let copy = try #require(plans.last)
            let tasks = try await App.PlanTask.query(on: app.db).filter(\.$plan.$id == copy.id!).all()
            #expect(tasks.count == 7)
            #expect(
                tasks.first { $0.ref == "IV.3.a" }?.title
                    == "Tuyên truyền hợp tác y tế với các tỉnh biên giới của Trung Quốc")
            // The plan it came from is as it was.
            #expect(try await App.PlanTask.query(on: app.db).filter(\.$plan.$id == planID).count() == 7)
            // Only those who may edit plans.
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            #expect(try await viewer.post(SiteURL.planReissue(planID).path, form: []).status == .forbidden)
        }
    }

    @Test("An old Word .doc is read through LibreOffice like the DOCX it converts to")
    func anOldWordDocument() async throws {
        let found = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile)
        guard Tools.require(found != nil, "LibreOffice's soffice (WholePlanTests.anOldWordDocument)"),
            let soffice = found
        else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try SimpleDocxWriter.docx(fromText: Self.plan).write(to: dir.appendingPathComponent("ke-hoach.docx"))
        try Self.convert(soffice, to: "doc", in: dir)
        let doc = try Data(contentsOf: dir.appendingPathComponent("ke-hoach.doc"))
        #expect(doc.prefix(4) == Data([0xD0, 0xCF, 0x11, 0xE0]))
        let fromDoc = try PlanReader.read(data: doc, filename: "ke-hoach.doc").plan
        let fromText = PlanReader.read(text: Self.plan).plan
        #expect(fromDoc.tasks.map(\.ref) == fromText.tasks.map(\.ref))
        #expect(fromDoc.tasks.map(\.content) == fromText.tasks.map(\.content))
        #expect(fromDoc.responsibilities == fromText.responsibilities)
        // Without LibreOffice the reader says how to install it.
        var options = PlanReader.Options()
        options.sofficePath = "/nonexistent/soffice"
        #expect(throws: PlanReadError.docToolMissing) {
            try PlanReader.read(data: doc, filename: "k.doc", options: options)
        }
    }

    /// LibreOffice turns `ke-hoach.docx` in `dir` into `ke-hoach.<format>`.
    static func convert(_ soffice: String, to format: String, in dir: URL) throws {
        try run(
            soffice,
            [
                "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path, "--headless",
                "--convert-to", format, "--outdir", dir.path, dir.appendingPathComponent("ke-hoach.docx").path,
            ])
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    @Test("A scanned plan (a PDF without text) is read by OCR, through the same reader")
    func aScannedPlan() async throws {
        let tools = ["soffice", "gs", "pdftoppm", "tesseract"].map { name in
            ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first(where: FileManager.default.isExecutableFile)
        }
        let model = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/tesseract-ocr")) ?? []).contains
        {
            FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/\($0)/tessdata/vie.traineddata")
        }
        guard Tools.require(tools.allSatisfy { $0 != nil } && model, "soffice, gs, pdftoppm and tesseract with vie"),
            let soffice = tools[0], let gs = tools[1]
        else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try SimpleDocxWriter.docx(fromText: Self.plan).write(to: dir.appendingPathComponent("ke-hoach.docx"))
        try Self.convert(soffice, to: "pdf", in: dir)
        // Pages as pictures only, as a scanner makes them.
        try Self.run(
            gs,
            [
                "-q", "-o", dir.appendingPathComponent("scan.pdf").path, "-sDEVICE=pdfimage24", "-r150",
                dir.appendingPathComponent("ke-hoach.pdf").path,
            ])
        let scan = try Data(contentsOf: dir.appendingPathComponent("scan.pdf"))
        let plan = try PlanReader.read(data: scan, filename: "scan.pdf").plan
        #expect(plan.kind == "KẾ HOẠCH" && plan.number == "21")
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.2"])
        #expect(plan.tasks.first?.lead == ["Sở Ngoại vụ"])
        #expect(plan.responsibilities.map(\.ref).contains("IV.3"))
        // Without Tesseract the reader says how to install it.
        var options = PlanReader.Options()
        options.tesseractPath = "/nonexistent/tesseract"
        #expect(throws: PlanReadError.ocrToolMissing) {
            try PlanReader.read(data: scan, filename: "s.pdf", options: options)
        }
    }
}
