//! What the first screen needs is built first; the rest of a page waits for the first paint.
//!
//! A page calls [`provide_first_paint_queue`]; each part it wraps in [`AfterFirstPaint`] takes
//! a turn in document order. Once the page has painted, one part is built per browser task, so
//! the reader sees the article at once and no single task holds up a tap or a key press.
//! When the address names a section (`#id`), every part is built at once instead, so the
//! jump to it lands as soon as the page shows.
//!
//! A release build's `index.html` also carries the home page pre-rendered at build time
//! (`tools/prerender.mjs`), which readers see at once. The app builds its page out of sight
//! behind it (see `style/main.css`), the first screen's parts ([`FirstScreen`]) taking turns
//! too, and takes its place when the page is complete, so the reader sees no change; a page
//! that is not complete (an error) takes its place at once.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::navigation::{after_mount, hash_target};

/// The turns of a page's deferred parts.
#[derive(Clone, Copy)]
pub struct FirstPaintQueue {
    /// How many parts have asked for a turn.
    queued: RwSignal<usize>,
    /// How many turns have been given: parts `0..shown` are built.
    shown: RwSignal<usize>,
    /// Whether a task is scheduled to give the next turn.
    scheduled: StoredValue<bool>,
    /// Set once, when the first paint's parts are all built.
    complete: RwSignal<bool>,
}

impl FirstPaintQueue {
    fn take_turn(&self) -> usize {
        let turn = self.queued.get_untracked();
        self.queued.set(turn + 1);
        turn
    }

    /// Gives the next turn in a new task, then keeps going until every part is built.
    fn schedule(self) {
        if self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        set_timeout(
            move || {
                self.scheduled.set_value(false);
                if self.shown.get_untracked() < self.queued.get_untracked() {
                    self.shown.update(|shown| *shown += 1);
                    self.schedule();
                } else if !self.complete.get_untracked() {
                    // Before anything that starts on completion looks up elements by id.
                    replace_prerendered_page();
                    self.complete.set(true);
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Starts the queue of the page being built. Its deferred parts wait until the page is in the
/// document and painted, unless the address names a section, which builds them all now.
pub fn provide_first_paint_queue() -> FirstPaintQueue {
    let queue = FirstPaintQueue {
        queued: RwSignal::new(0),
        shown: RwSignal::new(if hash_target().is_some() {
            usize::MAX
        } else {
            0
        }),
        scheduled: StoredValue::new(false),
        complete: RwSignal::new(false),
    };
    provide_context(queue);
    // The animation frame comes before the paint; the task it schedules comes after it.
    after_mount(move || queue.schedule());
    queue
}

/// Builds its children after the first paint, in their turn. Without a queue (a page that
/// does not defer anything) they are built at once.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let queue = use_context::<FirstPaintQueue>();
    let built = match queue {
        Some(queue) => {
            let turn = queue.take_turn();
            if queue.shown.get_untracked() != 0 {
                queue.schedule();
            }
            Signal::derive(move || queue.shown.get() > turn)
        }
        None => Signal::stored(true),
    };
    view! { <Show when=move || built.get()>{children()}</Show> }
}

/// Part of the first screen: built at once, so that it paints first. Behind the pre-rendered
/// page, which shows the first screen already, it takes its turn like the parts after the
/// first paint instead, so that building the page out of sight is many short tasks.
#[component]
pub fn FirstScreen(children: ChildrenFn) -> impl IntoView {
    if document().get_element_by_id(PRERENDERED_ID).is_some() {
        view! { <AfterFirstPaint>{children()}</AfterFirstPaint> }.into_any()
    } else {
        children().into_any()
    }
}

/// Becomes true once, when the parts deferred at the first paint are all in the document (at
/// once on a page without a queue): for work that needs the whole page, such as watching
/// every heading.
pub fn use_page_complete() -> Signal<bool> {
    use_context::<FirstPaintQueue>()
        .map(|queue| queue.complete.into())
        .unwrap_or_else(|| Signal::stored(true))
}

/// Resolves in a later browser task, letting the browser paint and handle input in between.
pub async fn next_task() {
    let (done, next) = futures::channel::oneshot::channel();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::ZERO,
    );
    let _ = next.await;
}

/// The id of the pre-rendered page in `index.html`.
const PRERENDERED_ID: &str = "prerendered";

/// The id of the element the app is mounted in.
pub const APP_ROOT_ID: &str = "app";

/// The attribute `reading-settings.js` puts on `<html>` when the pre-rendered page is not the
/// one at this address.
const PRERENDERED_ELSEWHERE: &str = "data-prerendered-elsewhere";

/// The attribute `boot.js` puts on a button of the pre-rendered page pressed before the app was
/// ready.
const PRESSED_BEFORE_THE_APP: &str = "data-pressed-before-the-app";

/// The attribute `boot.js` puts on an element of the pre-rendered page that find-in-page or a
/// `#:~:text=` link revealed (a closed FAQ answer) before the app was ready.
const FOUND_BEFORE_THE_APP: &str = "data-found-before-the-app";

/// Removes `index.html`'s pre-rendered page, letting the app's own page show in its place. A
/// reader who already reached into it keeps their place: focus moves to the same element of
/// the app's page, a button pressed before the app was ready is pressed again there, and what
/// the browser revealed in it is revealed again.
pub fn replace_prerendered_page() {
    let document = document();
    let Some(page) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    let mut found = Vec::new();
    while let Ok(Some(element)) = page.query_selector(&format!("[{FOUND_BEFORE_THE_APP}][id]")) {
        let _ = element.remove_attribute(FOUND_BEFORE_THE_APP);
        found.push(element.id());
    }
    let app = document.get_element_by_id(APP_ROOT_ID);
    let pressed = page
        .query_selector(&format!("[{PRESSED_BEFORE_THE_APP}]"))
        .ok()
        .flatten();
    if let Some(pressed) = &pressed {
        let _ = pressed.remove_attribute(PRESSED_BEFORE_THE_APP);
    }
    // Only an identical element: where the reader's state changed the page (a closed
    // announcement), the same place may hold another one.
    let in_the_app = |element: Option<Element>| {
        let (element, app) = (element?, app.as_ref()?);
        let twin = same_place(&page, &element, app)?;
        (twin.outer_html() == element.outer_html())
            .then(|| twin.dyn_into::<HtmlElement>().ok())
            .flatten()
    };
    let focused = in_the_app(document.active_element());
    let pressed = in_the_app(pressed);
    page.remove();
    if let Some(focused) = focused {
        let _ = focused.focus();
    }
    if let Some(pressed) = pressed {
        pressed.click();
    }
    for id in found {
        if let (Some(element), Ok(event)) = (
            document.get_element_by_id(&id),
            web_sys::Event::new("beforematch"),
        ) {
            let _ = element.dispatch_event(&event);
        }
    }
}

/// The element at the place in `to` where `element` is in `from`: the pre-rendered page and
/// the app's have the same markup. None when `element` is not inside `from`.
fn same_place(from: &Element, element: &Element, to: &Element) -> Option<Element> {
    let mut path = Vec::new();
    let mut node = element.clone();
    while &node != from {
        let parent = node.parent_element()?;
        let children = parent.children();
        let index = (0..children.length()).find(|&i| children.item(i).as_ref() == Some(&node))?;
        path.push(index);
        node = parent;
    }
    path.iter()
        .rev()
        .try_fold(to.clone(), |at, &index| at.children().item(index))
}

/// Removes the pre-rendered page before the app starts when `reading-settings.js` has hidden
/// it because the address asks for another page (or a section): it would only shadow the
/// app's elements, which share its ids.
pub fn drop_prerendered_page_for_another_address() {
    if document()
        .document_element()
        .is_some_and(|root| root.has_attribute(PRERENDERED_ELSEWHERE))
    {
        replace_prerendered_page();
    }
}
