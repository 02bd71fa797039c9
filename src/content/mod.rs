//! The content: typed model, loading and validation. Pure Rust apart from `fetch`, so every
//! rule is tested natively.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod error;
pub mod fetch;
#[cfg(test)]
mod fixtures;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod library;
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
pub mod model;
pub mod outline;
pub mod review;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod search_files;
pub mod search_index;
pub mod structured_data;
pub mod text;
pub mod validate;

pub use error::{ContentError, Problem};
pub use library::{Category, Library, LibraryEntry};
pub use model::*;
pub use outline::{Outline, OutlineEntry};
pub use review::ReviewDates;
