//! One module per route.
pub mod explain;
pub mod home;
pub mod lab;
pub mod not_found;
pub mod origin;
pub mod quiz;
pub mod why;
