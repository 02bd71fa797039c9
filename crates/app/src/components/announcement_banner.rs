use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{AfterAnnouncement, RichText};
use crate::contract::{announcement_dismissed, ANNOUNCEMENT_DISMISSED_KEY};
use crate::storage;
use crate::words::{language_apart, use_words};
use clinic_content::words::Word;
use clinic_content::{plain_text, SiteSettings};

/// The clinic's announcement above the header, which a reader can close for good. What is
/// remembered is its text, so a new announcement shows again even to a reader who closed the
/// previous one.
#[component]
pub fn AnnouncementBanner(site: Arc<SiteSettings>) -> impl IntoView {
    let text = plain_text(&site.announcement);
    // Shown as on a first visit until the page is live, as the page rendered at build time
    // shows it (the settings script hides it by the same rule before the first paint).
    let dismissed = RwSignal::new(false);
    let current = text.clone();
    Effect::new(move |_| {
        let stored = storage::read(ANNOUNCEMENT_DISMISSED_KEY);
        dismissed.set(announcement_dismissed(stored.as_deref(), &current));
    });
    let next = use_context::<AfterAnnouncement>();
    let dismiss = move |_| {
        storage::write(ANNOUNCEMENT_DISMISSED_KEY, &text);
        dismissed.set(true);
        // The button is about to vanish: give focus to the next thing a reader would reach.
        if let Some(link) = next.and_then(|AfterAnnouncement(link)| link.get_untracked()) {
            let _ = link.focus();
        }
    };
    let content = site.announcement.clone();
    let (lang, dir) = language_apart(&site, |texts| texts.announcement.is_some());
    let name = use_words().text(Word::Announcement);
    let dismiss_label = use_words().text(Word::DismissAnnouncement);
    view! {
        <Show when=move || !dismissed.get()>
            <aside class="announcement" aria-label=name.clone()>
                <p lang=lang.clone() dir=dir>
                    <RichText content=content.clone() />
                </p>
                <button type="button" class="announcement-dismiss" on:click=dismiss.clone()>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">{dismiss_label.clone()}</span>
                </button>
            </aside>
        </Show>
    }
}
