//! In-page navigation shared by the table of contents, "Back to top", deep links and the
//! FAQ: bring a section into view below any sticky part (its `scroll-margin-top`), move focus
//! to it so keyboard and screen-reader users carry on reading there, and record it in the
//! address.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions};

/// How to get to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    /// Scroll smoothly; false for readers who asked for reduced motion, and on page load.
    pub smooth: bool,
    /// Add `#id` to the address and the history (false when the address already says it).
    pub record: bool,
}

/// Scrolls to the element with `id` and focuses it. Returns false, and does nothing, when
/// there is no such element: an unknown `#id` is ignored.
pub fn go_to(id: &str, jump: Jump) -> bool {
    let Some(target) = leptos::prelude::document().get_element_by_id(id) else {
        return false;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(if jump.smooth {
        ScrollBehavior::Smooth
    } else {
        ScrollBehavior::Instant
    });
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if jump.record {
        // A full address: a bare "#id" would resolve against <base href>, which on
        // /articles/<slug> (or under a sub-path) names another page.
        let window = leptos::prelude::window();
        let location = window.location();
        let here = format!(
            "{}{}#{id}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&here));
        }
    }
    if let Ok(target) = target.dyn_into::<HtmlElement>() {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = target.focus_with_options(&focus);
    }
    true
}

/// The id that the address's `#fragment` names, if any.
pub fn hash_target() -> Option<String> {
    let hash = leptos::prelude::window().location().hash().ok()?;
    let encoded = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|id| id.as_string())
}

/// Runs `f` once the view being built now is in the document: a view inside a `Transition`
/// is built before it is swapped in, so an effect's first run is too early to find it by id.
/// `f` runs under the effect's reactive owner, so it may register cleanups.
pub fn after_mount(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, Effect, Owner};
    let mut pending = Some(f);
    Effect::new(move |_| {
        if let Some(f) = pending.take() {
            let owner = Owner::current();
            request_animation_frame(move || match owner {
                Some(owner) => owner.with(f),
                None => f(),
            });
        }
    });
}

/// The id of the section being read, kept by the table of contents' scroll-spy and used by
/// read-aloud to start there. Provided by the article page.
#[derive(Debug, Clone, Copy)]
pub struct CurrentSection(pub leptos::prelude::RwSignal<Option<String>>);

/// The reading line: headings above it (the top 30% of the window) belong to the section being
/// read. The scroll-spy and read-aloud both decide "where the reader is" by it.
pub const READING_LINE_FRACTION: f64 = 0.3;
/// The same line as an IntersectionObserver `rootMargin`.
pub const READING_LINE_MARGIN: &str = "0px 0px -70% 0px";

/// The reading line's distance from the top of the window, in CSS pixels.
pub fn reading_line() -> f64 {
    leptos::prelude::window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0)
        * READING_LINE_FRACTION
}

/// Whether the element with `id` has scrolled up past the reading line.
pub fn has_passed_reading_line(id: &str) -> bool {
    leptos::prelude::document()
        .get_element_by_id(id)
        .is_some_and(|element| element.get_bounding_client_rect().top() <= reading_line())
}

/// Calls `f` with the id the address's `#fragment` names: once the view is in the document
/// (`on_load` true), and again whenever the fragment changes (back, forward, a followed link).
pub fn on_hash_target(f: impl Fn(&str, bool) + Clone + 'static) {
    let on_load = f.clone();
    after_mount(move || {
        if let Some(id) = hash_target() {
            on_load(&id, true);
        }
    });
    if !cfg!(target_arch = "wasm32") {
        // A page rendered at build time has no address to follow.
        return;
    }
    let _ = leptos_use::use_event_listener(
        leptos::prelude::window(),
        leptos::ev::hashchange,
        move |_| {
            if let Some(id) = hash_target() {
                f(&id, false);
            }
        },
    );
}
