extension CentralSchema {
    /// Version 6, frozen (issue 15, the one central-office interface): the central office's own
    /// export settings and X12 control numbers, as the SQLite store keeps them in `setting` (keys
    /// `export.*`) and `export_counter`, so `export x12 --postgres URL` writes files whose numbers
    /// never repeat. (Versions 4 and 5 are issue 28's and issue 26's; on a branch without them
    /// this is the fourth entry of ``CentralSchema/migrations``.)
    static let version6: [String] = [
        "CREATE TABLE office_setting (key text PRIMARY KEY, value text NOT NULL)",
        "CREATE TABLE export_counter (name text PRIMARY KEY, value bigint NOT NULL)",
    ]
}
