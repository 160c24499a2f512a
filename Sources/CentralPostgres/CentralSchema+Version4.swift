extension CentralSchema {
    /// Version 4, frozen: the central office's own export settings and X12 control numbers, as
    /// the SQLite store keeps them in `setting` (keys `export.*`) and `export_counter` (issue 15:
    /// `export x12 --postgres` writes files with numbers that never repeat).
    static let version4: [String] = [
        "CREATE TABLE office_setting (key text PRIMARY KEY, value text NOT NULL)",
        "CREATE TABLE export_counter (name text PRIMARY KEY, value bigint NOT NULL)",
    ]
}
