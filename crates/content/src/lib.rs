//! What an article is: the content's types ([`model`]), how a content file is read and checked
//! ([`load`], [`validate`]), the ids and slugs of its addresses ([`ids`]), its outline, the
//! library of every article, review dates, structured data, and the search index's format and
//! query ([`search`]). No Leptos: the browser, the build and the editors' tools share it, so
//! every rule is tested natively.

pub mod error;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod ids;
pub mod language;
pub mod library;
pub mod load;
pub mod model;
pub mod outline;
pub mod review;
pub mod search;
pub mod structured_data;
pub mod text;
pub mod validate;
pub mod words;

pub use error::{ContentError, Problem};
pub use library::{AtoZList, Category, Library, LibraryEntry, ListPage};
pub use model::*;
pub use outline::{Outline, OutlineEntry};
pub use review::ReviewDates;
