use leptos::prelude::*;

use clinic_content::text::display_date;

use crate::loading::SavedOn;

/// A quiet line under the header when the page comes from the copy saved on this device
/// because the network cannot be reached, with the day that copy was saved. A status, not an
/// alert: it never interrupts. Always in the page, hidden otherwise: on a pre-rendered page
/// the service worker marks `<html>`, and the styles show it before the app runs. The day is
/// what only the browser knows, so it comes after the first render, and the status reads
/// once.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let saved_on = use_context::<SavedOn>().unwrap_or_default();
    let from_saved_copy = saved_on.is_saved_copy();
    let (day, set_day) = signal(None::<String>);
    Effect::new(move |_| {
        set_day.set(saved_on.0.as_deref().and_then(display_date));
    });
    view! {
        <p class="offline-notice" role="status" hidden=!from_saved_copy>
            "You are offline: this is the copy saved on this device"
            {move || day.get().map(|day| format!(" on {day}"))}
            ". Reload when you are back online for the latest version."
        </p>
    }
}
