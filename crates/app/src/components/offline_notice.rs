use leptos::prelude::*;

use crate::offline::FromSavedCopy;

/// A quiet line under the header when the page comes from the copy saved on this device
/// because the network cannot be reached. A status, not an alert: it never interrupts. Always
/// in the page, hidden otherwise: on a pre-rendered page the service worker marks `<html>`,
/// and the styles show it before the app runs.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let from_saved_copy = use_context::<FromSavedCopy>().is_some_and(|FromSavedCopy(saved)| saved);
    view! {
        <p class="offline-notice" role="status" hidden=!from_saved_copy>
            "You are offline: this is the copy saved on this device. "
            "Reload when you are back online for the latest version."
        </p>
    }
}
