//! The content: typed model, loading and validation. Pure Rust apart from `fetch`, so every
//! rule is tested natively.

pub mod error;
pub mod fetch;
#[cfg(test)]
mod fixtures;
pub mod load;
pub mod model;
pub mod outline;
pub mod search_files;
pub mod structured_data;
pub mod text;
pub mod validate;

pub use error::{ContentError, Problem};
pub use model::*;
pub use outline::{Outline, OutlineEntry};
