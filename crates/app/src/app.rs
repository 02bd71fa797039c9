//! The app as a whole: what every page shares at its root, the page built in the browser from
//! the content files ([`App`]), the page from content already loaded ([`LoadedApp`], which
//! the build renders to HTML and the browser adopts), and how each of the app's two programs
//! starts: [`mount_page`] adopts a pre-rendered page, [`mount_shell`] builds one.

use leptos::prelude::*;

use crate::components::{LoadError, PageLoader};
use crate::pages::{CarriedWords, LoadedPage, PageView, Route};
use crate::site_address::SiteAddress;
use crate::{first_paint, prefs};

/// What every page shares, provided once at its root: the reading settings, the page's
/// addresses, and what happens when the whole page is live.
fn provide_root(route: &Route, base: String) {
    prefs::provide_reading_settings();
    provide_context(SiteAddress {
        page: route.path(&base),
        base,
    });
    #[cfg(target_arch = "wasm32")]
    provide_context(first_paint::WhenComplete(crate::handover::finish));
}

/// The app as the browser builds it: load what the address asks for, show it, or explain
/// what went wrong, meanwhile in the words the document carries (`carried`).
#[component]
pub fn App(route: Route, base: String, carried: Option<CarriedWords>) -> impl IntoView {
    provide_root(&route, base);
    provide_context(
        carried
            .as_ref()
            .map(|carried| carried.words.clone())
            .unwrap_or_default(),
    );
    let page = LocalResource::new(move || {
        let route = route.clone();
        let carried = carried.clone();
        // In a task of its own: building the app is a long enough one already.
        async move {
            first_paint::next_task().await;
            crate::pages::load_page(route, carried).await
        }
    });
    let (retrying, set_retrying) = signal(false);
    view! {
        <Transition fallback=PageLoader set_pending=set_retrying>
            <ErrorBoundary fallback=move |errors| {
                view! {
                    <LoadError
                        errors
                        retry=Callback::new(move |()| page.refetch())
                        retrying=retrying.into()
                    />
                }
            }>
                {move || Suspend::new(async move {
                    page.await.map(|page| view! { <PageView page /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// One page from content already loaded: rendered to HTML at build time, and adopted from
/// that HTML by the app in the browser.
#[component]
pub fn LoadedApp(page: LoadedPage, route: Route, base: String) -> impl IntoView {
    provide_root(&route, base);
    view! { <PageView page /> }
}

/// Starts the app of a page pre-rendered for its address (the `clinic-article` program),
/// and offline reading. Compiling and starting the wasm is a long task already: the app
/// adopts the page in the next one, so that neither holds up a tap or a key press for long.
#[cfg(target_arch = "wasm32")]
pub fn mount_page() {
    crate::offline::start_service_worker();
    set_timeout(adopt, std::time::Duration::ZERO);
}

/// Starts the app's shell (the `clinic-shell` program: `app.html`, the not-found page, a
/// page pre-rendered for another address, or one whose app could not adopt it), and offline
/// reading. As [`mount_page`], the page is built in the next task.
#[cfg(target_arch = "wasm32")]
pub fn mount_shell() {
    crate::offline::start_service_worker();
    set_timeout(build, std::time::Duration::ZERO);
}

/// The app's root element, where the page is.
#[cfg(target_arch = "wasm32")]
fn app_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    document()
        .get_element_by_id(crate::contract::APP_ROOT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Adopts the pre-rendered page: its content is read a file per task and the page adopted
/// in tasks of its own, so that none holds up a tap for long.
#[cfg(target_arch = "wasm32")]
fn adopt() {
    use crate::first_paint::RenderMode;
    use crate::site_address::document_base_path;

    crate::handover::PageExecutor::start();
    wasm_bindgen_futures::spawn_local(async {
        let Some(root) = app_root() else {
            return;
        };
        let base = document_base_path();
        let route = Route::current(&base);
        match crate::handover::prerendered_page().await {
            Some(Ok(page)) => {
                // What `LoadedApp` renders, in a task each.
                crate::handover::adopt_page(
                    root,
                    move || {
                        provide_context(RenderMode::Adopt);
                        provide_root(&route, base);
                    },
                    move || view! { <PageView page /> },
                )
                .await;
            }
            // The page's own content cannot be read (it never is, unless a copy was damaged
            // on the way): the app's shell builds it from the content files instead, which
            // explains any error (`boot.js` starts it).
            Some(Err(_)) | None => {
                if let Ok(event) = web_sys::Event::new(crate::contract::START_SHELL_EVENT) {
                    let _ = document().dispatch_event(&event);
                }
            }
        }
    });
}

/// Builds the page for this address from the content files, in place of whatever the
/// document shows.
#[cfg(target_arch = "wasm32")]
fn build() {
    use crate::contract::PRERENDERED_ELSEWHERE_ATTRIBUTE;
    use crate::site_address::document_base_path;

    crate::handover::PageExecutor::start();
    let Some(root) = app_root() else {
        return;
    };
    root.set_text_content(None);
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(PRERENDERED_ELSEWHERE_ATTRIBUTE);
    }
    let base = document_base_path();
    let route = Route::current(&base);
    let carried = crate::handover::carried_words();
    leptos::mount::mount_to(root, move || view! { <App route base carried /> }).forget();
}
