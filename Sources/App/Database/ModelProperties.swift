import Fluent

// Fluent's default `Fields.properties` finds a model's properties with `Mirror` on every call, and it is called
// for every row a query decodes: with ten years of plans that reflection was more than half of the server
// time of the home pages and the consolidated report. The models that pages list by the hundred name their
// properties here instead, in declaration order. `ModelPropertiesTests` checks each list against what
// reflection finds, so a property added to a model and forgotten here fails the tests instead of silently
// not being saved.

extension Plan {
    var properties: [any AnyProperty] {
        [
            $id, $kind, $number, $symbol, $place, $documentDate, $issuingAgency, $title, $year, $purposes, $budget,
            $status, $signerName, $signerPosition, $signerAuthority, $recipients, $searchKey, $version,
            $targetsVersion, $createdBy, $createdAt, $updatedAt, $tasks,
        ]
    }
}

extension PlanTask {
    var properties: [any AnyProperty] {
        [
            $id, $plan, $parent, $ref, $position, $title, $content, $origin, $timeframeJSON, $timeframeKind, $status,
            $progress, $version, $createdAt, $updatedAt, $agencies, $outputs,
        ]
    }
}

extension TaskAgency {
    var properties: [any AnyProperty] { [$id, $task, $role, $position, $wording, $agency, $group] }
}

extension TaskOutput {
    var properties: [any AnyProperty] { [$id, $task, $description, $target, $unit] }
}

extension RegimeRecord {
    var properties: [any AnyProperty] {
        [$id, $plan, $name, $year, $definition, $position, $version, $createdAt, $updatedAt]
    }
}

extension Obligation {
    var properties: [any AnyProperty] {
        [
            $id, $regime, $agency, $periodKey, $periodLabel, $windowStart, $windowEnd, $opensOn, $dueOn, $lockOn,
            $createdAt,
        ]
    }
}

extension Submission {
    var properties: [any AnyProperty] {
        [
            $id, $obligation, $state, $version, $writeToken, $content, $firstSubmittedAt, $lastSubmittedAt,
            $returnedAt, $acceptedAt, $reopenedAt, $reviewComment, $resendBy, $resentLate, $taskCommentsJSON,
            $updatedBy, $createdAt, $updatedAt,
        ]
    }
}

extension SubmissionEvent {
    var properties: [any AnyProperty] {
        [$id, $submission, $kind, $comment, $version, $snapshot, $userID, $userName, $createdAt]
    }
}

extension Indicator {
    var properties: [any AnyProperty] { [$id, $code, $name, $unit, $aggregation, $position, $active, $storedVersion] }
}

extension TaskIndicator {
    var properties: [any AnyProperty] { [$id, $task, $indicator, $target] }
}

extension Agency {
    var properties: [any AnyProperty] {
        [
            $id, $code, $officialName, $shortName, $kind, $parent, $aliases, $abbreviations, $validFrom, $validTo,
            $searchKey, $sortKey, $storedVersion, $createdAt, $updatedAt,
        ]
    }
}

extension AuditEntry {
    var properties: [any AnyProperty] {
        [$id, $at, $actorID, $actorName, $address, $action, $entityType, $entityID, $entityLabel, $changes]
    }
}
