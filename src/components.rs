//! Reusable view pieces.
pub mod classroom_banner;
pub mod explanation;
pub mod fields;
pub mod lab_forms;
pub mod lab_run;
pub mod origin_table;
pub mod other_site;
pub mod presenter;
pub mod server_down;
pub mod server_log;
pub mod url_breakdown;
pub mod verdict;
pub mod why;
