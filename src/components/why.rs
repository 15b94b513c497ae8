//! The live demos of the `/why` page: one card each, every one a real
//! request to the demo server with the server's log as evidence.
pub mod card;
pub mod credentials;
pub mod css_font;
pub mod intranet;
pub mod load_vs_read;
pub mod localhost;
pub mod proxy;
pub mod runtime;
