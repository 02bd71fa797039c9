//! Offline reading. A release build registers the service worker (`service-worker.js`, written
//! into the build by `clinic_build::service_worker`), which saves the app on the reader's
//! device, then each page the reader visits: this one too, with the files it loaded before
//! the worker was there, once the page asks it to. A development build (`trunk serve`)
//! registers none and removes any left from a release build on the same address, so it always
//! shows what was just built.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_futures::JsFuture;

#[cfg(target_arch = "wasm32")]
/// How long after the page's `load` event the service worker is registered.
const REGISTER_AFTER_LOAD: std::time::Duration = std::time::Duration::from_secs(3);

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
                        let registered =
                            JsFuture::from(container.register("service-worker.js")).await;
                        save_this_page(&container).await;
                        // Every visit asks whether a new build is out: browsers do on their
                        // own, but Chromium may put it off, and a correction is due now.
                        if let Ok(registration) = registered {
                            let registration: web_sys::ServiceWorkerRegistration =
                                registration.unchecked_into();
                            if let Ok(update) = registration.update() {
                                let _ = JsFuture::from(update).await;
                            }
                        }
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

/// Asks the active service worker to save this page and every file it has loaded, and marks
/// `<html>` once it has.
#[cfg(target_arch = "wasm32")]
async fn save_this_page(container: &web_sys::ServiceWorkerContainer) {
    use crate::contract::{SAVED_FOR_OFFLINE_ATTRIBUTE, SAVE_PAGE_MESSAGE};
    let Ok(ready) = container.ready() else {
        return;
    };
    let Ok(registration) = JsFuture::from(ready).await else {
        return;
    };
    let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
    let Some(worker) = registration.active() else {
        return;
    };
    let window = leptos::prelude::window();
    let files = js_sys::Array::new();
    if let Some(performance) = window.performance() {
        for entry in performance.get_entries_by_type("resource").iter() {
            let entry: web_sys::PerformanceEntry = entry.unchecked_into();
            files.push(&entry.name().into());
        }
    }
    let message = js_sys::Object::new();
    let page = window.location().href().unwrap_or_default();
    for (key, value) in [
        ("type", wasm_bindgen::JsValue::from_str(SAVE_PAGE_MESSAGE)),
        ("page", page.into()),
        ("files", files.into()),
    ] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    }
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    // The channel lives until the answer arrives.
    let kept = channel.clone();
    let saved = wasm_bindgen::closure::Closure::once_into_js(move || {
        drop(kept);
        if let Some(html) = leptos::prelude::document().document_element() {
            let _ = html.set_attribute(SAVED_FOR_OFFLINE_ATTRIBUTE, "");
        }
    });
    channel.port1().set_onmessage(Some(saved.unchecked_ref()));
    let _ = worker.post_message_with_transferable(&message, &js_sys::Array::of1(&channel.port2()));
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
