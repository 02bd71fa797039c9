use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{AfterAnnouncement, RichText};
use crate::content::{plain_text, SiteSettings};
use crate::storage;

/// Where a dismissal is remembered. The value is the announcement's text, so a new
/// announcement shows again even to a reader who closed the previous one. (`reading-settings.js`
/// reads it too, to keep a closed announcement out of the pre-rendered page.)
pub const DISMISSED_KEY: &str = "clinic-article:v1:announcement-dismissed";

/// The clinic's announcement above the header, which a reader can close for good.
#[component]
pub fn AnnouncementBanner(site: Arc<SiteSettings>) -> impl IntoView {
    let text = plain_text(&site.announcement);
    let dismissed = RwSignal::new(storage::read(DISMISSED_KEY).as_deref() == Some(text.as_str()));
    let next = use_context::<AfterAnnouncement>();
    let dismiss = move |_| {
        storage::write(DISMISSED_KEY, &text);
        dismissed.set(true);
        // The button is about to vanish: give focus to the next thing a reader would reach.
        if let Some(link) = next.and_then(|AfterAnnouncement(link)| link.get_untracked()) {
            let _ = link.focus();
        }
    };
    let content = site.announcement.clone();
    view! {
        <Show when=move || !dismissed.get()>
            <aside class="announcement" aria-label="Announcement">
                <p>
                    <RichText content=content.clone() />
                </p>
                <button type="button" class="announcement-dismiss" on:click=dismiss.clone()>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">"Dismiss announcement"</span>
                </button>
            </aside>
        </Show>
    }
}
