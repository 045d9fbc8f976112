import KonaplateSpecs

extension DiffCollector {
    /// What a field and a header share beyond their constraints: whether the value is sensitive (how logs and
    /// descriptions show it) and its description. Neither changes what travels.
    mutating func compareAnnotations(
        sensitive: (old: Bool, new: Bool), description: (old: String?, new: String?), subject: String,
        owners: (old: SourceLocation?, new: SourceLocation?)
    ) {
        if sensitive.old != sensitive.new {
            add(
                .sensitiveChanged, .risky, subject,
                sensitive.new
                    ? "now sensitive: logs and descriptions redact it"
                    : "no longer sensitive: logs and descriptions show it",
                at: key("sensitive", new: owners.new, old: owners.old))
        }
        if description.old != description.new {
            add(
                .documentationChanged, .compatible, subject, "description changed",
                at: key("description", new: owners.new, old: owners.old))
        }
    }
}
