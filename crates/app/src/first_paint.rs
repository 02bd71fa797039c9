//! A page comes together in parts, so that no single task holds up a tap or a key press.
//!
//! A page calls [`provide_first_paint_queue`] and wraps its parts in [`FirstScreen`] (what the
//! first screen shows) and [`AfterFirstPaint`] (the rest). Each part is a
//! `<div class="page-part">` (`display: contents`: it changes no layout), in the same place
//! however the page reaches the reader:
//! - **Rendered to HTML** at build time (`clinic_build::prerender`): every part is there at once.
//! - **Adopted** from that HTML in the browser ([`RenderMode::Adopt`]): the reader is already
//!   using the page, so its nodes are kept. Each part is brought to life in a task of its own,
//!   in document order, once the page's frame is live.
//! - **Built** in the browser ([`RenderMode::Build`]): the first screen's parts are built at
//!   once and paint first; once the page has painted, the other parts are built one per task.
//!   When the address names a section (`#id`), every part is built at once instead, so the
//!   jump to it lands as soon as the page shows.

use std::collections::VecDeque;

#[cfg(target_arch = "wasm32")]
use leptos::html::Div;
use leptos::prelude::*;

use crate::navigation::after_mount;

/// How the page's views reach the document, provided once at the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderMode {
    /// To an HTML string, at build time.
    Html,
    /// By adopting the nodes of that HTML, in the browser.
    Adopt,
    /// By building new nodes, in the browser.
    Build,
}

impl RenderMode {
    pub fn current() -> RenderMode {
        use_context().unwrap_or(if cfg!(target_arch = "wasm32") {
            RenderMode::Build
        } else {
            RenderMode::Html
        })
    }
}

/// The class of a part's element. `style/main.css` gives it `display: contents`.
pub const PART_CLASS: &str = "page-part";

type Turn = Box<dyn FnOnce()>;

/// What to do once every part of a page is in the document and live, provided at the root.
#[derive(Clone, Copy)]
pub struct WhenComplete(pub fn());

/// The turns of a page's parts, one per browser task.
#[derive(Clone, Copy)]
pub struct FirstPaintQueue {
    turns: StoredValue<VecDeque<Turn>, LocalStorage>,
    /// Whether the page is in the document, so that turns may be taken.
    started: StoredValue<bool>,
    /// Whether a task is scheduled to take the next turn.
    scheduled: StoredValue<bool>,
    /// Set once, when every part is in the document and live.
    complete: RwSignal<bool>,
    /// Whether parts wait for their turn at all.
    deferring: bool,
    then: Option<WhenComplete>,
}

impl FirstPaintQueue {
    fn push(self, turn: Turn) {
        self.turns.update_value(|turns| turns.push_back(turn));
        self.schedule();
    }

    /// Takes the next turn in a new task, then keeps going until every part is in.
    fn schedule(self) {
        if !self.started.get_value() || self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        in_a_new_task(move || {
            self.scheduled.set_value(false);
            let turn = self.turns.try_update_value(VecDeque::pop_front).flatten();
            match turn {
                Some(turn) => {
                    turn();
                    self.schedule();
                }
                None if !self.complete.get_untracked() => {
                    self.complete.set(true);
                    if let Some(WhenComplete(then)) = self.then {
                        then();
                    }
                }
                None => {}
            }
        });
    }
}

/// Starts the queue of the page being built or adopted. Its parts wait until the page is in
/// the document and painted; when the page is built and the address names a section, they
/// are all built now.
pub fn provide_first_paint_queue() -> FirstPaintQueue {
    let mode = RenderMode::current();
    let deferring = match mode {
        RenderMode::Html => false,
        RenderMode::Adopt => true,
        RenderMode::Build => crate::navigation::hash_target().is_none(),
    };
    let queue = FirstPaintQueue {
        turns: StoredValue::new_local(VecDeque::new()),
        started: StoredValue::new(false),
        scheduled: StoredValue::new(false),
        complete: RwSignal::new(mode == RenderMode::Html),
        deferring,
        then: use_context(),
    };
    provide_context(queue);
    if mode != RenderMode::Html {
        // The animation frame comes before the paint; the task it schedules comes after it.
        after_mount(move || {
            queue.started.set_value(true);
            queue.schedule();
        });
    }
    queue
}

/// Built (or brought to life) after the first paint, in its turn.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    page_part(children, false)
}

/// Part of the first screen: built at once, so that it paints first. On an adopted page it
/// takes its turn like the rest: the reader sees it already, and short tasks keep the page
/// answering while it comes to life.
#[component]
pub fn FirstScreen(children: ChildrenFn) -> impl IntoView {
    page_part(children, true)
}

fn page_part(children: ChildrenFn, first_screen: bool) -> AnyView {
    let queue = use_context::<FirstPaintQueue>();
    match (RenderMode::current(), queue) {
        #[cfg(target_arch = "wasm32")]
        (RenderMode::Adopt, Some(queue)) => adopted_part(children, queue),
        (RenderMode::Build, Some(queue)) if queue.deferring && !first_screen => {
            let built = RwSignal::new(false);
            queue.push(Box::new(move || built.set(true)));
            view! {
                <div class=PART_CLASS>
                    <Show when=move || built.get()>{children()}</Show>
                </div>
            }
            .into_any()
        }
        // Built now, or rendered to HTML.
        _ => view! { <div class=PART_CLASS>{children()}</div> }.into_any(),
    }
}

/// A part of an adopted page: its element is taken as it is, and its content is brought to
/// life in its turn, under the owner (and so the context) of the place it stands in.
#[cfg(target_arch = "wasm32")]
fn adopted_part(children: ChildrenFn, queue: FirstPaintQueue) -> AnyView {
    let element = NodeRef::<Div>::new();
    let owner = Owner::new();
    // A parent holds its child owners weakly: this one lives as long as the place it stands in.
    let keep = owner.clone();
    on_cleanup(move || drop(keep));
    queue.push(Box::new(move || {
        if let Some(element) = element.get_untracked() {
            owner.with(|| adopt(element.into(), move || children()));
        }
    }));
    view! { <div class=PART_CLASS node_ref=element></div> }.into_any()
}

/// Makes the nodes inside `parent`, rendered to HTML from `view`, the live view: the same
/// nodes, now with their handlers and reactive attributes. They stay live as long as the
/// current owner.
#[cfg(target_arch = "wasm32")]
pub fn adopt<V: IntoView + 'static>(parent: web_sys::Element, view: impl FnOnce() -> V) {
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    let state = view()
        .into_view()
        .hydrate::<true>(&Cursor::new(parent), &PositionState::default());
    // Dropped (and so unmounted) with the owner.
    let state = send_wrapper::SendWrapper::new(std::cell::RefCell::new(Some(state)));
    on_cleanup(move || drop(state.borrow_mut().take()));
}

/// Whether the page is still being built, for `aria-busy`: parts that a reader cannot see
/// yet are on their way. An adopted page is never busy: all of it is there.
pub fn use_page_busy() -> Signal<bool> {
    let complete = use_page_complete();
    let building = RenderMode::current() == RenderMode::Build;
    Signal::derive(move || building && !complete.get())
}

/// Becomes true once, when every part of the page is in the document and live (at once on a
/// page without a queue): for work that needs the whole page, such as watching every heading.
pub fn use_page_complete() -> Signal<bool> {
    use_context::<FirstPaintQueue>()
        .map(|queue| queue.complete.into())
        .unwrap_or_else(|| Signal::stored(true))
}

/// Resolves in a later browser task, letting the browser paint and handle input in between.
pub async fn next_task() {
    in_a_later_task(|| ()).await;
}

/// Runs `step` in a later browser task, letting the browser paint and handle input in
/// between, and resolves to what it returns (`None` if `step` was dropped without running).
///
/// Unlike code after `next_task().await`, `step` is a wasm function of its own: the browser
/// compiles each function when it first runs, so the step's code is compiled in its own task,
/// not all at once with the future that awaits it, whose first task then stays short.
pub async fn in_a_later_task<T: 'static>(step: impl FnOnce() -> T + 'static) -> Option<T> {
    let (done, result) = futures::channel::oneshot::channel();
    in_a_new_task(move || {
        let _ = done.send(step());
    });
    result.await.ok()
}

/// Runs `f` in a new browser task, after any input and rendering waiting now. A message to
/// itself rather than `setTimeout`, which browsers hold back for at least 4 ms once timers
/// nest five deep, as a page's turns do.
fn in_a_new_task(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Ok(channel) = web_sys::MessageChannel::new() else {
            return set_timeout(f, std::time::Duration::ZERO);
        };
        let receiver = channel.port1();
        // The channel lives until the message arrives.
        let kept = channel.clone();
        let run = Closure::once_into_js(move || {
            drop(kept);
            f();
        });
        receiver.set_onmessage(Some(run.unchecked_ref()));
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .is_err()
        {
            receiver.set_onmessage(None);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    set_timeout(f, std::time::Duration::ZERO);
}
