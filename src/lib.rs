//! A clinic's patient-facing article, rendered in the browser from bundled JSON content.

pub mod components;
pub mod content;
pub mod first_paint;
pub mod navigation;
pub mod offline;
pub mod pages;
pub mod prefs;
pub mod site_address;
pub mod storage;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::{LoadError, PageLoader};
use pages::{load_page, PageView, Route};

/// The whole app: load what the address asks for, show it, or explain what went wrong.
#[component]
pub fn App() -> impl IntoView {
    prefs::provide_reading_settings();
    let route = Route::current();
    let page = LocalResource::new(move || {
        let route = route.clone();
        // In a task of its own: building the app is a long enough one already.
        async move {
            first_paint::next_task().await;
            load_page(route).await
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

/// Mounts the app in place of the loader that `index.html` shows until the wasm is ready (the
/// pre-rendered page, when there is one, stays until the app's page replaces it), and starts
/// offline reading.
pub fn mount() {
    offline::start_service_worker();
    first_paint::drop_prerendered_page_for_another_address();
    // Compiling and starting the wasm is a long task already: the app is built in the next
    // one, so that neither holds up a tap or a key press for long.
    set_timeout(mount_app, std::time::Duration::ZERO);
}

fn mount_app() {
    let root = document()
        .get_element_by_id(first_paint::APP_ROOT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_text_content(None);
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
