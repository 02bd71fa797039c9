//! How the app takes over the page in the browser: what the pre-rendered page carries, and
//! what is done once it is live (the app starts it: `crate::app`).
//!
//! A release build pre-renders every address (`clinic_build::prerender`): the HTML carries the page
//! and the content it was rendered from. The app then adopts that page: it reads the same
//! content, and brings the nodes the reader already sees to life in place (Leptos hydration,
//! part by part: `crate::first_paint`). Nothing is replaced, so whatever the reader did
//! before the app ran stays as it was: where they scrolled, what has focus, selected text,
//! a screen reader's reading position, an answer the browser opened for find-in-page. A
//! button pressed before the app ran (`boot.js` marks it) is pressed again once the page is
//! live.
//!
//! Without a pre-rendered page for this address (a development build, a host that answers
//! every path with another page, content saved on the device only in part) the app builds
//! the page itself, showing the loader meanwhile.

use std::cell::RefCell;
use std::sync::Arc;

use any_spawner::{CustomExecutor, PinnedFuture, PinnedLocalFuture};

use leptos::prelude::{document, IntoView};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use crate::contract::{
    APP_READY_ATTRIBUTE, FOUND_EARLY_ATTRIBUTE, PAGE_CONTENT_ATTRIBUTE, PAGE_PATH_ATTRIBUTE,
    PRERENDERED_ELSEWHERE_ATTRIBUTE, PRESSED_EARLY_ATTRIBUTE, SAVED_COPY_ATTRIBUTE,
};
use crate::first_paint::in_a_later_task;
use crate::loading::SavedOn;
use crate::pages::{CarriedWords, LoadedPage, PageContent};
use clinic_content::language::{Translations, TRANSLATIONS_FOLDER};
use clinic_content::library::{A_TO_Z_FOLDER, LISTS_FOLDER};
use clinic_content::load::{parse, LIBRARY_FILE, SITE_FILE};
use clinic_content::validate::Validate;
use clinic_content::words::{Words, LOCALES_FOLDER};
use clinic_content::{AtoZList, ContentError, Library, ListPage, SiteSettings};

/// The content of the page pre-rendered into the HTML, when it is the page at this address
/// (the settings script decides that before the first paint): an article with the cards of
/// its related posts, a page of a list or of the A to Z, or none of them (the not-found
/// page). Each file is read in a later task of its own, so that none holds up a tap for long.
pub(crate) async fn prerendered_page() -> Option<Result<LoadedPage, ContentError>> {
    let html = document().document_element()?;
    if !html.has_attribute(PAGE_PATH_ATTRIBUTE)
        || html.has_attribute(PRERENDERED_ELSEWHERE_ATTRIBUTE)
    {
        return None;
    }
    let saved_on = SavedOn(html.get_attribute(SAVED_COPY_ATTRIBUTE));
    let mut site = None;
    let mut words = None;
    let mut article = None;
    let mut library = None;
    let mut list = None;
    let mut a_to_z = None;
    let mut translations = None;
    for (file, text) in carried_files() {
        if file == SITE_FILE {
            site = parsed_later::<SiteSettings>(file, text).await;
        } else if file.starts_with(TRANSLATIONS_FOLDER) {
            translations = parsed_later::<Translations>(file, text).await;
        } else if file.starts_with(LOCALES_FOLDER) {
            words = parsed_later::<Words>(file, text).await;
        } else if file == LIBRARY_FILE {
            library = parsed_later::<Library>(file, text).await;
        } else if file.starts_with(LISTS_FOLDER) {
            list = parsed_later::<ListPage>(file, text).await;
        } else if file.starts_with(A_TO_Z_FOLDER) {
            a_to_z = parsed_later::<AtoZList>(file, text).await;
        } else {
            article = parsed_later(file, text).await;
        }
    }
    let read = || -> Result<LoadedPage, ContentError> {
        let not_carried = |file: &str| ContentError::Unavailable {
            file: file.into(),
            reason: "the page does not carry it".into(),
        };
        let site = Arc::new(site.ok_or_else(|| not_carried(SITE_FILE))??);
        let words = Arc::new(words.ok_or_else(|| not_carried(LOCALES_FOLDER))??);
        let related = library.transpose()?.map(Arc::new);
        let content = match (article, list, a_to_z) {
            (Some(article), ..) => PageContent::Article {
                site,
                article: Arc::new(article?),
                related: related.unwrap_or_default(),
                translations: Arc::new(translations.transpose()?.unwrap_or_default()),
            },
            (None, Some(list), _) => PageContent::Library {
                site,
                list: Arc::new(list?),
            },
            (None, None, Some(list)) => PageContent::AtoZ {
                site,
                list: Arc::new(list?),
            },
            (None, None, None) => PageContent::NotFound { site },
        };
        Ok(LoadedPage {
            content,
            words,
            saved_on,
        })
    };
    Some(read())
}

/// A carried content file read in a later task of its own, its decoder compiled there too.
async fn parsed_later<T: DeserializeOwned + Validate + 'static>(
    file: String,
    text: String,
) -> Option<Result<T, ContentError>> {
    in_a_later_task(move || parse(&file, &text)).await
}

/// Each content file the document carries, as its name and text.
fn carried_files() -> Vec<(String, String)> {
    let Ok(scripts) = document().query_selector_all(&format!("script[{PAGE_CONTENT_ATTRIBUTE}]"))
    else {
        return Vec::new();
    };
    (0..scripts.length())
        .filter_map(|index| scripts.item(index)?.dyn_into::<web_sys::Element>().ok())
        .map(|script| {
            (
                script
                    .get_attribute(PAGE_CONTENT_ATTRIBUTE)
                    .unwrap_or_default(),
                script.text_content().unwrap_or_default(),
            )
        })
        .collect()
}

/// The table of the interface's words the document carries, when it reads: a page's own,
/// or the site's in the shell that loads any page.
pub(crate) fn carried_words() -> Option<CarriedWords> {
    let (file, text) = carried_files()
        .into_iter()
        .find(|(file, _)| file.starts_with(LOCALES_FOLDER))?;
    let words = parse::<Words>(&file, &text).ok()?;
    Some(CarriedWords {
        file,
        words: Arc::new(words),
    })
}

/// Once every part of the page is live: what the reader did before the app ran is done
/// again where the page's own state must agree (a button pressed, an answer the browser
/// revealed), and `<html>` says the app runs the page.
pub fn finish() {
    let document = document();
    let marked = |attribute: &str| -> Vec<web_sys::HtmlElement> {
        let Ok(found) = document.query_selector_all(&format!("[{attribute}]")) else {
            return Vec::new();
        };
        (0..found.length())
            .filter_map(|index| found.item(index)?.dyn_into::<web_sys::HtmlElement>().ok())
            .inspect(|element| {
                let _ = element.remove_attribute(attribute);
            })
            .collect()
    };
    for revealed in marked(FOUND_EARLY_ATTRIBUTE) {
        if let Ok(event) = web_sys::Event::new("beforematch") {
            let _ = revealed.dispatch_event(&event);
        }
    }
    for pressed in marked(PRESSED_EARLY_ATTRIBUTE) {
        pressed.click();
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute(APP_READY_ATTRIBUTE, "");
    }
}

/// Adopts the page pre-rendered in `root` as the live view of `page`, in three later tasks,
/// each with its code compiled there ([`in_a_later_task`]): what every page shares is
/// provided (`root_context`) in one, the page's components run in the next, and their views
/// take over the page's nodes in a third. This is what
/// `leptos::mount::hydrate_from` does in a single task, which held up a tap for longest. As
/// there, effects first run once the views are live: the futures spawned meanwhile are held
/// until then ([`PageExecutor`]). The page stays live as long as the document.
pub(crate) async fn adopt_page<V: IntoView + 'static>(
    root: web_sys::HtmlElement,
    root_context: impl FnOnce() + 'static,
    page: impl FnOnce() -> V + 'static,
) {
    use hydration_context::HydrateSharedContext;
    use leptos::prelude::Owner;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};

    PageExecutor::hold();
    let owner = Owner::new_root(Some(Arc::new(HydrateSharedContext::new())));
    let adopted = async {
        let providing = owner.clone();
        in_a_later_task(move || providing.with(root_context)).await?;
        let viewing = owner.clone();
        let view = in_a_later_task(move || viewing.with(|| page().into_view())).await?;
        let hydrating = owner.clone();
        in_a_later_task(move || {
            hydrating.with(|| {
                view.hydrate::<true>(
                    &Cursor::new(root.unchecked_into()),
                    &PositionState::default(),
                )
            })
        })
        .await
    };
    if let Some(state) = adopted.await {
        std::mem::forget((owner, state));
    }
    PageExecutor::release();
}

/// Runs Leptos's futures (effects, resources, `spawn_local`) on the page as
/// `wasm-bindgen-futures` does, and can hold those spawned for a while, to start them later
/// in the order they came.
pub(crate) struct PageExecutor;

thread_local! {
    static HELD: RefCell<Option<Vec<PinnedLocalFuture<()>>>> = const { RefCell::new(None) };
}

impl PageExecutor {
    /// Makes it the executor of the page's futures (once; again, it changes nothing).
    pub(crate) fn start() {
        let _ = any_spawner::Executor::init_local_custom_executor(PageExecutor);
    }

    fn hold() {
        HELD.with_borrow_mut(|held| {
            held.get_or_insert_with(Vec::new);
        });
    }

    fn release() {
        for future in HELD.with_borrow_mut(Option::take).into_iter().flatten() {
            wasm_bindgen_futures::spawn_local(future);
        }
    }
}

impl CustomExecutor for PageExecutor {
    fn spawn(&self, future: PinnedFuture<()>) {
        self.spawn_local(future);
    }

    fn spawn_local(&self, future: PinnedLocalFuture<()>) {
        let now = HELD.with_borrow_mut(|held| match held {
            Some(held) => {
                held.push(future);
                None
            }
            None => Some(future),
        });
        if let Some(future) = now {
            wasm_bindgen_futures::spawn_local(future);
        }
    }

    // Futures are polled by the browser's microtasks, never on demand.
    fn poll_local(&self) {}
}
