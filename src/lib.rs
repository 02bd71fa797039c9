//! A clinic's patient-facing articles, rendered in the browser from bundled JSON content, and
//! pre-rendered at build time by the same components.
#![recursion_limit = "256"]

pub mod components;
pub mod content;
pub mod contract;
#[cfg(not(target_arch = "wasm32"))]
pub mod derived_files;
pub mod first_paint;
#[cfg(target_arch = "wasm32")]
mod handover;
pub mod navigation;
pub mod offline;
pub mod pages;
pub mod prefs;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod site_address;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_host;
pub mod storage;

use leptos::prelude::*;

use components::{LoadError, PageLoader};
use pages::{LoadedPage, PageView, Route};
use site_address::SiteAddress;

/// What every page shares, provided once at its root: the reading settings, the page's
/// addresses, and what happens when the whole page is live.
fn provide_root(route: &Route, base: String) {
    prefs::provide_reading_settings();
    provide_context(SiteAddress {
        page: route.path(&base),
        base,
    });
    #[cfg(target_arch = "wasm32")]
    provide_context(first_paint::WhenComplete(handover::finish));
}

/// The app as the browser builds it: load what the address asks for, show it, or explain
/// what went wrong.
#[component]
pub fn App(route: Route, base: String) -> impl IntoView {
    provide_root(&route, base);
    let page = LocalResource::new(move || {
        let route = route.clone();
        // In a task of its own: building the app is a long enough one already.
        async move {
            first_paint::next_task().await;
            pages::load_page(route).await
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

/// Starts the app: it adopts the page pre-rendered into the HTML when there is one for this
/// address, and builds the page itself otherwise. Then it starts offline reading.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    offline::start_service_worker();
    // Compiling and starting the wasm is a long task already: the app starts in the next one,
    // so that neither holds up a tap or a key press for long.
    set_timeout(handover::start, std::time::Duration::ZERO);
}
