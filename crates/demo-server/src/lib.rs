//! demo server
