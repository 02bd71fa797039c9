//! The names the app shares with its early scripts (`crates/app/src/prefs/reading-settings.js`,
//! `public/boot.js`, the service worker), its stylesheet and the build (`clinic_build::prerender`):
//! defined once here. The scripts get them in a generated block ([`script_constants`]), and
//! `tests/contracts.rs` checks that every `data-*` name the scripts and styles use is one of
//! these (or a reading setting's), so a rename cannot break only one side.

/// The shell Trunk built, kept beside the pre-rendered pages: the service worker's answer,
/// offline, for a page it has not saved.
pub const SHELL_FILE: &str = "app.html";

/// The not-found page, which hosts answer unknown addresses with.
pub const NOT_FOUND_FILE: &str = "404.html";

/// Every file a build publishes, with a hash of each, for the service worker to bring the
/// copies saved on a reader's device up to date (`clinic_build::service_worker`).
pub const PUBLISHED_FILE: &str = "published.json";

/// The element the app lives in; a pre-rendered page's HTML is inside it. (With every id the
/// page keeps for itself, in `clinic_content::ids`, which headings never take.)
pub use clinic_content::ids::APP_ROOT_ID;

/// On the `<script type="application/json">` elements that carry a pre-rendered page's
/// content, naming the content file each one holds.
pub const PAGE_CONTENT_ATTRIBUTE: &str = "data-page-content";

/// On `<html>` of a pre-rendered page: the path of the page it carries (the not-found page
/// carries none: hosts show it at any address).
pub const PAGE_PATH_ATTRIBUTE: &str = "data-page-path";

/// On `<html>`, set by the settings script when the pre-rendered page is not the one at this
/// address (a host that answers every path with `index.html`): it stays out of sight until
/// the app has built the right one.
pub const PRERENDERED_ELSEWHERE_ATTRIBUTE: &str = "data-prerendered-elsewhere";

/// On `<html>` of a pre-rendered page: the announcement's text, which the settings script
/// compares with the one a reader closed.
pub const ANNOUNCEMENT_ATTRIBUTE: &str = "data-announcement";

/// On `<html>` while the announcement shown is one the reader closed.
pub const ANNOUNCEMENT_DISMISSED_ATTRIBUTE: &str = "data-announcement-dismissed";

/// Where a closed announcement is remembered: its text, so a new announcement shows again.
pub const ANNOUNCEMENT_DISMISSED_KEY: &str = "clinic-article:v1:announcement-dismissed";

/// Whether the announcement `current` is the one a reader closed (`stored`). The settings
/// script applies the same rule before the first paint.
pub fn announcement_dismissed(stored: Option<&str>, current: &str) -> bool {
    stored == Some(current)
}

/// On `<html>` while the page is shown as without scripts: every answer and the contents
/// open, the controls that need the app out of view. In every page's HTML; the settings script
/// removes it at once, and `boot.js` sets it again when the app cannot start.
pub const WITHOUT_APP_ATTRIBUTE: &str = "data-without-app";

/// On `<html>` once the app runs the page: every control works.
pub const APP_READY_ATTRIBUTE: &str = "data-app-ready";

/// On a button that `boot.js` saw pressed before the app ran; the app presses it again.
pub const PRESSED_EARLY_ATTRIBUTE: &str = "data-pressed-before-the-app";

/// On an element that find-in-page or a `#:~:text=` link revealed before the app ran (a
/// closed FAQ answer); the app reveals it again, so its own state agrees.
pub const FOUND_EARLY_ATTRIBUTE: &str = "data-found-before-the-app";

/// The header the service worker adds to content it answers from the saved copy: when that
/// copy was saved, as `YYYY-MM-DD`.
pub const SAVED_COPY_HEADER: &str = "X-Clinic-Saved-Copy";

/// On `<html>` of a page the service worker answered from the saved copy: when that copy was
/// saved, as `YYYY-MM-DD`.
pub const SAVED_COPY_ATTRIBUTE: &str = "data-saved-copy";

/// The message the service worker sends every page it controls once each copy saved on the
/// device is what the site publishes: `{type, version}`.
pub const UP_TO_DATE_MESSAGE: &str = "saved-copies-up-to-date";

/// The old addresses with a query (a WordPress blog's `/?p=101`), each with the address it
/// leads to now: hosts answer them with the home page, whose `boot.js` follows them.
pub const REDIRECTS_FILE: &str = "redirects.json";

/// On `<html>` once the service worker has saved this page and what it loaded on the device.
pub const SAVED_FOR_OFFLINE_ATTRIBUTE: &str = "data-saved-for-offline";

/// The message a page sends the service worker, `{type, page, files}`, to save the page and
/// the files it loaded before the worker was there to save them.
pub const SAVE_PAGE_MESSAGE: &str = "save-page";

/// Marks what only the app's shell needs in the page template (`index.html`): a
/// pre-rendered page leaves it out.
pub const SHELL_ONLY_ATTRIBUTE: &str = "data-app-shell";

/// On every element a page adds to `<head>`.
pub const PAGE_HEAD_ATTRIBUTE: &str = "data-page-head";

/// The search worker's program: its Trunk `data-bin` in `index.html`, whose files the build
/// names by their content (`clinic_build::named_programs`).
pub const SEARCH_WORKER_NAME: &str = "clinic-search-worker";

/// On the script that starts the app: the address of the search worker's script, which the
/// build writes (`clinic_build::named_programs`) and the page starts on the first search.
pub const SEARCH_WORKER_ATTRIBUTE: &str = "data-search-worker";

/// The program that builds a page in the browser from the content files (the app's shell,
/// `App`): its Trunk `data-bin` in `index.html`. A page pre-rendered for its address runs
/// the smaller program that only adopts it, and starts this one when it cannot.
pub const SHELL_PROGRAM_NAME: &str = "clinic-shell";

/// On the script that starts the app: the glue of the app's shell ([`SHELL_PROGRAM_NAME`]),
/// which the build moves there from the script Trunk writes for it (`data-js` and
/// `data-wasm` name the program that adopts a pre-rendered page).
pub const SHELL_JS_ATTRIBUTE: &str = "data-shell-js";

/// On the script that starts the app: the wasm of the app's shell, as [`SHELL_JS_ATTRIBUTE`].
pub const SHELL_WASM_ATTRIBUTE: &str = "data-shell-wasm";

/// What the app of a pre-rendered page sends `document` when it cannot adopt the page (the
/// content it carries cannot be read): `boot.js` then starts the app's shell, which builds
/// the page from the content files and explains what went wrong.
pub const START_SHELL_EVENT: &str = "clinic-start-shell";

/// Every `data-*` name of this contract.
pub const DATA_ATTRIBUTES: [&str; 16] = [
    SEARCH_WORKER_ATTRIBUTE,
    SHELL_JS_ATTRIBUTE,
    SHELL_WASM_ATTRIBUTE,
    SHELL_ONLY_ATTRIBUTE,
    WITHOUT_APP_ATTRIBUTE,
    PAGE_HEAD_ATTRIBUTE,
    PAGE_CONTENT_ATTRIBUTE,
    PAGE_PATH_ATTRIBUTE,
    PRERENDERED_ELSEWHERE_ATTRIBUTE,
    ANNOUNCEMENT_ATTRIBUTE,
    ANNOUNCEMENT_DISMISSED_ATTRIBUTE,
    APP_READY_ATTRIBUTE,
    PRESSED_EARLY_ATTRIBUTE,
    FOUND_EARLY_ATTRIBUTE,
    SAVED_COPY_ATTRIBUTE,
    SAVED_FOR_OFFLINE_ATTRIBUTE,
];

/// The contract as JavaScript `var` declarations, for the scripts' generated blocks.
pub fn script_constants() -> String {
    let constants = [
        ("SHELL_FILE", SHELL_FILE),
        ("NOT_FOUND_FILE", NOT_FOUND_FILE),
        ("PUBLISHED_FILE", PUBLISHED_FILE),
        ("APP_ROOT_ID", APP_ROOT_ID),
        ("PAGE_PATH_ATTRIBUTE", PAGE_PATH_ATTRIBUTE),
        (
            "PRERENDERED_ELSEWHERE_ATTRIBUTE",
            PRERENDERED_ELSEWHERE_ATTRIBUTE,
        ),
        ("ANNOUNCEMENT_ATTRIBUTE", ANNOUNCEMENT_ATTRIBUTE),
        (
            "ANNOUNCEMENT_DISMISSED_ATTRIBUTE",
            ANNOUNCEMENT_DISMISSED_ATTRIBUTE,
        ),
        ("ANNOUNCEMENT_DISMISSED_KEY", ANNOUNCEMENT_DISMISSED_KEY),
        ("WITHOUT_APP_ATTRIBUTE", WITHOUT_APP_ATTRIBUTE),
        ("APP_READY_ATTRIBUTE", APP_READY_ATTRIBUTE),
        ("PRESSED_EARLY_ATTRIBUTE", PRESSED_EARLY_ATTRIBUTE),
        ("FOUND_EARLY_ATTRIBUTE", FOUND_EARLY_ATTRIBUTE),
        ("SAVED_COPY_HEADER", SAVED_COPY_HEADER),
        ("SAVED_COPY_ATTRIBUTE", SAVED_COPY_ATTRIBUTE),
        ("SAVED_FOR_OFFLINE_ATTRIBUTE", SAVED_FOR_OFFLINE_ATTRIBUTE),
        ("SAVE_PAGE_MESSAGE", SAVE_PAGE_MESSAGE),
        ("UP_TO_DATE_MESSAGE", UP_TO_DATE_MESSAGE),
        ("REDIRECTS_FILE", REDIRECTS_FILE),
        ("SHELL_JS_ATTRIBUTE", SHELL_JS_ATTRIBUTE),
        ("SHELL_WASM_ATTRIBUTE", SHELL_WASM_ATTRIBUTE),
        ("START_SHELL_EVENT", START_SHELL_EVENT),
        ("EDITORS_DIR", clinic_content::load::EDITORS_DIR),
        (
            "SEARCH_CHUNKS_FOLDER",
            clinic_content::search::SEARCH_CHUNKS_FOLDER,
        ),
    ];
    constants
        .iter()
        .map(|(name, value)| format!("var {name} = {};\n", json_string(value)))
        .collect()
}

fn json_string(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_announcement_a_reader_closed_stays_closed() {
        assert!(announcement_dismissed(
            Some("Open on Saturdays"),
            "Open on Saturdays"
        ));
        assert!(!announcement_dismissed(
            Some("Closed for the holidays"),
            "Open on Saturdays"
        ));
        assert!(!announcement_dismissed(None, "Open on Saturdays"));
    }
}
