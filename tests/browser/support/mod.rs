//! The browser-test harness, in parts: the sites ([`site`]: the release site built once, with
//! the fixture content), the server that can fail on request ([`server`]), the browsers
//! ([`drivers`]), a test's page ([`page`]), what only DevTools give ([`devtools`]) and the
//! content the tests compare the page with ([`fixtures`]).
//!
//! The tests run against the suite's own content (`tests/fixtures/`), put in place of the
//! shipped `public/content/` after the build, so a clinic that edits its content keeps a
//! green suite. Only the smoke test (`shipped.rs`) loads the shipped content, and it reads
//! its expectations from the shipped files.

mod devtools;
mod drivers;
mod fixtures;
mod page;
mod server;
mod site;

use std::time::Duration;

pub use devtools::RECORD_ERRORS;
pub use drivers::*;
pub use fixtures::*;
pub use page::*;
pub use server::*;
pub use site::*;

/// A script expression: a promise that settles once every running transition and animation
/// (endless ones aside) has ended, so that what a page shows is judged as it comes to rest
/// (an answer fading in is not yet its final colour, nor visible).
pub const TRANSITIONS_ENDED: &str = "Promise.all(document.getAnimations()
    .filter(a => a.effect?.getTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => {})))";

/// The longest a test waits for something to happen.
pub const WAIT: Duration = Duration::from_secs(20);
