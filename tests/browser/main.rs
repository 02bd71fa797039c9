//! Browser tests: the release build, served over HTTP, in headless Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod a_to_z;
mod article;
#[path = "../common/mod.rs"]
mod common;
mod corrections;
mod editors_page;
mod fallback;
mod faq;
mod first_screen;
mod handover;
mod hosting;
mod languages;
mod library;
mod list_pages;
mod markdown;
mod offline;
mod other_browsers;
mod reading_settings;
mod right_to_left;
mod screen_reader;
mod search;
mod shipped;
mod short_article;
mod site_search;
mod stylesheet;
mod support;
mod tables_and_pictures;
mod toc;
mod trust;
mod wordpress;
