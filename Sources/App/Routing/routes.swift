import TTDNKit
import Vapor

/// Every route of the application, in one place. Each names its `SiteURL` and the `Permission`
/// it requires; `PermissionMiddleware` asks `Policy`.
func routes(_ app: Application) throws {
    // Outermost first: who may use the route, then how big its body may be, then the form's token. The first
    // two read no body, so a visitor who may not use a route cannot make the server collect or parse one.
    let site = app.grouped(PermissionMiddleware(), BodyLimitMiddleware(), CSRFMiddleware())

    do {  // Public
        site.get(.home, .publicAccess, use: PublicSiteController.root)
        site.get(.healthz, .publicAccess, use: HealthController.check)
        site.get(.login, .publicAccess, use: LoginController.show)
        site.post(.login, .publicAccess, use: LoginController.login)
    }

    do {  // Every signed-in user
        site.post(.logout, .signedIn, use: LoginController.logout)
        site.get(.workspace, .signedIn, use: WorkspaceController.show)
        site.get(.accountPassword, .signedIn, use: AccountController.passwordForm)
        site.post(.accountPassword, .signedIn, use: AccountController.changePassword)
        site.post(.accountLocale, .signedIn, use: AccountController.changeLocale)
    }

    do {  // Directory of agencies
        site.get(.agencies, .viewDirectory, use: AgencyController.index)
        site.get(.agenciesExport, .viewDirectory, use: AgencyCSVController.export)
        site.get(.resolveName, .viewDirectory, use: AgencyResolveController.show)
        site.get(.agencyNew, .editDirectory, use: AgencyController.new)
        site.post(.agencies, .editDirectory, use: AgencyController.create)
        site.get(.agenciesImport, .editDirectory, use: AgencyCSVController.form)
        site.post(.agenciesImport, .editDirectory, body: .collect(maxSize: "5mb"), use: AgencyCSVController.importCSV)
        site.get(.agency(.placeholder), .viewDirectory, use: AgencyController.show)
        site.get(.agencyEdit(.placeholder), .editDirectory, use: AgencyController.edit)
        site.post(.agency(.placeholder), .editDirectory, use: AgencyController.update)
        site.get(.agencyMerge(.placeholder), .editDirectory, use: AgencyMergeController.form)
        site.post(.agencyMerge(.placeholder), .editDirectory, use: AgencyMergeController.merge)
        site.get(.agencyGroups, .viewDirectory, use: AgencyGroupController.index)
        site.get(.agencyGroupNew, .editDirectory, use: AgencyGroupController.new)
        site.post(.agencyGroups, .editDirectory, use: AgencyGroupController.create)
        site.get(.agencyGroup(.placeholder), .viewDirectory, use: AgencyGroupController.show)
        site.get(.agencyGroupEdit(.placeholder), .editDirectory, use: AgencyGroupController.edit)
        site.post(.agencyGroup(.placeholder), .editDirectory, use: AgencyGroupController.update)
    }

    do {  // Plans: list, plan page, tasks by hand, "Nhiệm vụ của đơn vị", legal documents, exports, calendar feeds
        site.get(.plans, .viewPlans, use: PlanController.index)
        site.get(.plan(.placeholder), .viewPlans, use: PlanController.show)
        site.post(.planStatus(.placeholder), .editPlans, use: PlanController.changeStatus)
        site.get(.planFile(.placeholder), .viewPlans, use: PlanController.originalFile)
        site.get(.planExportDocx(.placeholder), .viewPlans, use: PlanExportController.docx)
        site.post(.planReissue(.placeholder), .editPlans, use: PlanExportController.reissue)
        site.get(.planTasksCSV(.placeholder), .viewPlans, use: PlanExportController.csv)
        site.get(.planTaskNew(.placeholder), .editPlans, use: TaskController.new)
        site.post(.planTasks(.placeholder), .editPlans, use: TaskController.create)
        site.get(.task(.placeholder), .viewPlans, use: TaskController.show)
        site.get(.taskEdit(.placeholder), .editPlans, use: TaskController.edit)
        site.post(.task(.placeholder), .editPlans, use: TaskController.update)
        site.post(.taskMove(.placeholder), .editPlans, use: TaskController.move)
        site.get(.taskRemove(.placeholder), .editPlans, use: TaskController.confirmRemove)
        site.post(.taskRemove(.placeholder), .editPlans, use: TaskController.remove)
        site.get(.myTasks, .viewPlans, use: MyTasksController.show)
        site.post(.myTasksCalendar, .viewPlans, use: CalendarController.replaceToken)
        site.get(.legalDocuments, .viewPlans, use: LegalDocumentController.index)
        site.get(.legalDocument(.placeholder), .viewPlans, use: LegalDocumentController.show)
        site.get(.legalDocumentEdit(.placeholder), .editPlans, use: LegalDocumentController.edit)
        site.post(.legalDocument(.placeholder), .editPlans, use: LegalDocumentController.update)
        site.get(.calendarFeed(""), .publicAccess, use: CalendarController.feed)
    }

    do {  // Plan import: upload, review beside the outline, save all or nothing
        site.get(.planImport, .editPlans, use: PlanImportController.form)
        site.post(.planImport, .editPlans, body: .collect(maxSize: "20mb"), use: PlanImportController.upload)
        site.get(.planImportDraft(.placeholder), .editPlans, use: PlanImportController.review)
        site.post(
            .planImportDraft(.placeholder), .editPlans, body: .collect(maxSize: "4mb"), use: PlanImportController.save)
        site.post(.planImportDiscard(.placeholder), .editPlans, use: PlanImportController.discard)
    }

    do {  // Reporting cycle: what an agency owes, the report form, review, dashboard, consolidated report
        site.get(.reports, .fileReports, use: ReportController.index)
        site.get(.report(.placeholder), .viewReports, use: ReportController.show)
        site.postStreamed(.report(.placeholder), .fileReports, maxBytes: 110 << 20, use: ReportController.save)
        site.post(.reportReview(.placeholder), .reviewReports, use: ReportController.review)
        site.post(.reportRecall(.placeholder), .fileReports, use: ReportController.recall)
        site.get(.evidence(.placeholder), .viewReports, use: ReportController.evidence)
        site.get(.planReporting(.placeholder), .viewReports, use: DashboardController.show)
        site.get(.planReportingCSV(.placeholder), .viewReports, use: DashboardController.csv)
        site.post(.planRegimes(.placeholder), .reviewReports, use: RegimeController.createFromDuties)
        site.get(.planFollowUp(.placeholder), .viewReports, use: FollowUpController.show)
        site.get(.regime(.placeholder), .reviewReports, use: RegimeController.edit)
        site.post(.regime(.placeholder), .reviewReports, use: RegimeController.update)
        site.post(.regimeRequests(.placeholder), .reviewReports, use: ReportRequestController.create)
        site.get(.consolidated(.placeholder), .reviewReports, use: ConsolidatedController.edit)
        site.post(
            .consolidated(.placeholder), .reviewReports, body: .collect(maxSize: "4mb"),
            use: ConsolidatedController.save)
        site.get(.consolidatedDocx(.placeholder), .readAllReports, use: ConsolidatedController.docx)
        site.get(.consolidatedPrint(.placeholder), .readAllReports, use: ConsolidatedController.print)
        site.get(.indicators, .reviewReports, use: IndicatorController.index)
        site.post(.indicators, .reviewReports, use: IndicatorController.create)
        site.post(.indicator(.placeholder), .reviewReports, use: IndicatorController.update)
        site.get(.planTargets(.placeholder), .reviewReports, use: PlanTargetsController.show)
        site.post(
            .planTargets(.placeholder), .reviewReports, body: .collect(maxSize: "2mb"), use: PlanTargetsController.save)
        site.get(.holidays, .reviewReports, use: HolidayController.index)
        site.post(.holidays, .reviewReports, use: HolidayController.update)
        site.get(.notifications, .signedIn, use: Notifications.index)
        site.get(.dashboards, .viewReports, use: DashboardsController.index)
        site.get(.remindNow(.placeholder), .reviewReports, use: RemindNowController.preview)
        site.post(.remindNow(.placeholder), .reviewReports, use: RemindNowController.send)
        site.post(.notificationsRead, .signedIn, use: Notifications.read)
    }

    do {  // The newsroom: articles, their language versions, the security check, translations, the site's set-up
        site.get(.articles, .newsroom, use: NewsroomController.index)
        site.get(.articleNew, .newsroom, use: ArticleEditController.new)
        site.post(.articles, .newsroom, body: .collect(maxSize: "1mb"), use: ArticleEditController.create)
        site.post(.articleFiling(.placeholder), .newsroom, use: ArticleEditController.file)
        site.post(.articleTranslate(.placeholder), .newsroom, use: ArticleEditController.translate)
        site.postStreamed(
            .articleImages(.placeholder), .newsroom, maxBytes: 12 << 20, use: ArticleImageController.upload)
        site.get(.translations, .newsroom, use: TranslationsController.index)
        site.get(.translationsCSV, .newsroom, use: TranslationsController.csv)
        site.get(.articleVersion(.placeholder), .newsroom, use: ArticleVersionController.show)
        site.post(
            .articleVersion(.placeholder), .newsroom, body: .collect(maxSize: "1mb"), use: ArticleEditController.save)
        site.get(.articleVersionEdit(.placeholder), .newsroom, use: ArticleEditController.edit)
        site.post(.articleVersionMove(.placeholder), .newsroom, use: ArticleVersionController.move)
        site.post(.articleVersionCheck(.placeholder), .newsroom, use: ArticleVersionController.check)
        site.post(
            .articleLinks(.placeholder), .newsroom, body: .collect(maxSize: "16kb"), use: ArticleLinksController.save)
        site.get(.articleVersionDiff(.placeholder), .newsroom, use: ArticleVersionController.diff)
        site.get(.siteSettings, .manageSite, use: SiteSettingsController.show)
        site.post(.siteLanguages, .manageSite, use: SiteSettingsController.saveLanguage)
        site.post(.siteTopics, .manageSite, use: SiteSettingsController.saveTopic)
        site.post(.siteTerms, .manageSite, use: SiteSettingsController.saveTerms)
    }

    do {  // The public site: no session is started and nothing is written (PublicPage)
        site.get(.siteHome(""), .publicAccess, use: PublicSiteController.home)
        site.get(.siteArticle("", ""), .publicAccess, use: PublicArticleController.show)
        site.get(.siteTopic("", ""), .publicAccess, use: PublicSiteController.topic)
        site.get(.siteArchive("", 0, 0), .publicAccess, use: PublicSiteController.archive)
        site.get(.siteSearch(""), .publicAccess, use: PublicSearchController.search)
        for format in SiteURL.FeedFormat.allCases {
            site.get(.siteFeed("", format), .publicAccess, use: SiteFeedsController.feed)
            site.get(.siteTopicFeed("", "", format), .publicAccess, use: SiteFeedsController.topicFeed)
        }
        site.get(.sitemapIndex, .publicAccess, use: SiteFeedsController.sitemapIndex)
        site.get(.sitemap(""), .publicAccess, use: SiteFeedsController.sitemap)
        site.get(.robots, .publicAccess, use: SiteFeedsController.robots)
        site.get(.media(.placeholder), .publicAccess, use: ArticleImageController.serve)
    }

    do {  // Administration
        site.get(.users, .manageUsers, use: UserAdminController.index)
        site.get(.userNew, .manageUsers, use: UserAdminController.new)
        site.post(.users, .manageUsers, use: UserAdminController.create)
        site.get(.user(.placeholder), .manageUsers, use: UserAdminController.edit)
        site.post(.user(.placeholder), .manageUsers, use: UserAdminController.update)
        site.post(.userResetPassword(.placeholder), .manageUsers, use: UserAdminController.resetPassword)
        site.post(.userUnlock(.placeholder), .manageUsers, use: UserAdminController.unlock)
        site.get(.audit, .viewAudit, use: AuditController.index)
    }
}

extension UUID {
    /// Stands for `:id` when a route is registered; `SiteURL.pathComponents` ignores the value.
    static let placeholder = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
}

extension Request {
    /// The `:id` of the route as a UUID, or 404.
    func recordID() throws -> UUID {
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}
