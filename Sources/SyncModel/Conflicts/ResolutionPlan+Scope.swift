extension ResolutionPlan {
    /// Why this plan may not be written (DESIGN §4 "A hostile clinic"), or `nil`: a resolution
    /// writes only the row and field its conflict is about (and that row's tombstone), never
    /// `id` or `owner`, and only in the conflict owner's scope. `rowOwner` is the owner of the
    /// conflicted row where it is stored (`nil`: no such row).
    public func scopeProblem(for conflict: ConflictRecord, rowOwner: String?) -> String? {
        for write in writes {
            guard write.table == conflict.table, write.row == conflict.row,
                  write.field == conflict.field || write.field == SyncSchema.deletedField else {
                return "conflict \(conflict.id) would write outside the row and field it is about"
            }
            guard write.field != "id", write.field != "owner" else {
                return "conflict \(conflict.id) names \(write.field), which no resolution may write"
            }
            guard let rowOwner, rowOwner == conflict.owner, write.owner == conflict.owner else {
                return "conflict \(conflict.id) names a row outside its owner's scope"
            }
        }
        return nil
    }
}
