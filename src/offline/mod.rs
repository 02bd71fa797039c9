//! Offline reading. A release build registers the service worker (`service-worker.js`, written
//! into the build from `service-worker.js` beside this file by [`precache`], natively),
//! which saves the page, the app and the articles on the reader's device. A development build
//! (`trunk serve`) registers none and removes any left from a release build on the same
//! address, so it always shows what was just built.

#[cfg(not(target_arch = "wasm32"))]
pub mod precache;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_futures::JsFuture;

#[cfg(target_arch = "wasm32")]
/// How long after the page's `load` event the service worker is registered.
const REGISTER_AFTER_LOAD: std::time::Duration = std::time::Duration::from_secs(3);

/// Whether a page was shown from the copy saved on the device, provided by the page view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FromSavedCopy(pub bool);

/// Registers the service worker a while after the page has loaded: its install downloads the
/// site again into the saved copy, which must not compete with the reader's first minutes of
/// the page (measured: registering at `load` added about 150 ms of Lighthouse's Total
/// Blocking Time). In a development build, removes it instead.
#[cfg(target_arch = "wasm32")]
pub fn start_service_worker() {
    let window = leptos::prelude::window();
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let when_loaded = move || {
        leptos::prelude::set_timeout(
            move || {
                wasm_bindgen_futures::spawn_local(async move {
                    if cfg!(debug_assertions) {
                        remove_registrations(&container).await;
                    } else {
                        // Relative to <base href>: the worker's scope is the site, at the root or
                        // under a sub-path.
                        let _ = JsFuture::from(container.register("service-worker.js")).await;
                    }
                })
            },
            REGISTER_AFTER_LOAD,
        )
    };
    if leptos::prelude::document().ready_state() == "complete" {
        when_loaded();
    } else {
        let closure = wasm_bindgen::closure::Closure::once_into_js(when_loaded);
        let _ = window.add_event_listener_with_callback("load", closure.unchecked_ref());
    }
}

#[cfg(target_arch = "wasm32")]
async fn remove_registrations(container: &web_sys::ServiceWorkerContainer) {
    let Ok(registrations) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&registrations).iter() {
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if let Ok(done) = registration.unregister() {
            let _ = JsFuture::from(done).await;
        }
    }
}
