//! Reusable view pieces.
pub mod origin_table;
pub mod server_log;
pub mod url_breakdown;
pub mod verdict;
