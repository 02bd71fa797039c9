//! What runs after Trunk has built the app (`finish-build`, a `post_build` hook in
//! `Trunk.toml`): every page pre-rendered by the app's own components ([`prerender`]), with
//! the files made from the content (the library, the [`search_index`], the [`sitemap`]), then
//! the files of the search worker and the app's shell named by their content
//! ([`named_programs`]) and the [`service_worker`] written
//! with the list of files to save, and the [`editors_page`]
//! finished (the CMS copied in). Also the files made from
//! other files that are committed ([`derived_files`]: schemas, the scripts' generated blocks,
//! the CSP's hashes), and the [`static_host`] that serves a built site to the tests and the
//! benchmark as a CDN would. Natively only.

pub mod a_to_z;
pub mod derived_files;
pub mod editors_page;
pub mod named_programs;
pub mod prerender;
pub mod redirects;
pub mod search_index;
pub mod service_worker;
pub mod sitemap;
pub mod static_host;
pub mod stylesheet;
