//! CORS Lab app
