//! The app: everything a reader sees and uses, as Leptos components. In the browser (wasm) it
//! adopts the page the build pre-rendered, or builds the page from the content files; at build
//! time the same components render every page to HTML (`clinic-build`).
//!
//! From the bottom: the names shared with scripts and styles ([`contract`]) and the page's
//! plumbing, loading content ([`loading`]) and searching it off the page's thread
//! ([`search_worker`]), the reading settings ([`prefs`]), offline
//! reading ([`offline`]) and the order the page comes to life in ([`first_paint`]); then the
//! [`components`], the route views ([`pages`]), the hand-over, and the [`App`] that puts them
//! together. `tests/layers.rs` keeps each module from using one above it.
#![recursion_limit = "256"]

mod app;
pub mod components;
pub mod contract;
pub mod first_paint;
#[cfg(target_arch = "wasm32")]
mod handover;
pub mod loading;
pub mod navigation;
pub mod offline;
pub mod pages;
pub mod prefs;
pub mod search_worker;
pub mod site_address;
pub mod storage;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub use app::{mount_page, mount_shell};
pub use app::{App, LoadedApp};
