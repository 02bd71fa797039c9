//! What the first screen needs is built first; the rest of a page waits for the first paint.
//!
//! A page calls [`provide_first_paint_queue`]; each part it wraps in [`AfterFirstPaint`] takes
//! a turn in document order. Once the page has painted, one part is built per browser task, so
//! the reader sees the article at once and no single task holds up a tap or a key press.
//! When the address names a section (`#id`), every part is built at once instead, so the
//! jump to it lands as soon as the page shows.

use leptos::prelude::*;

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

/// Becomes true once, when the parts deferred at the first paint are all in the document (at
/// once on a page without a queue): for work that needs the whole page, such as watching
/// every heading.
pub fn use_page_complete() -> Signal<bool> {
    use_context::<FirstPaintQueue>()
        .map(|queue| queue.complete.into())
        .unwrap_or_else(|| Signal::stored(true))
}
