use std::sync::Arc;

use leptos::html::Button;
use leptos::prelude::*;

use crate::components::{
    AfterAnnouncement, Icon, IconKind, ReadingSettingsButton, ReadingSettingsPanel, SiteSearch,
};
use crate::first_paint::FirstScreen;
use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::words::Word;
use clinic_content::SiteSettings;

/// One row that leaves the screen to the article: the clinic's name (the way home), search,
/// the reading settings, the way to every article, and the two actions, booking and calling.
/// On a phone the controls show as icons, each keeping its words for assistive technology,
/// and search opens over the row.
#[component]
pub fn SiteHeader(site: Arc<SiteSettings>) -> impl IntoView {
    let settings_open = RwSignal::new(false);
    let settings_button = NodeRef::<Button>::new();
    let first_link = use_context::<AfterAnnouncement>()
        .map(|AfterAnnouncement(link)| link)
        .unwrap_or_default();
    let base = use_site_address().base;
    let words = use_words();
    view! {
        <header class="site-header">
            <div class="site-header-bar">
                <a class="site-name" href=base.clone() node_ref=first_link>
                    {site.clinic_name.clone()}
                </a>
                // A part of its own: adopting the header is a long enough task without it.
                <FirstScreen>
                    <SiteSearch />
                </FirstScreen>
                <div class="site-actions">
                    <ReadingSettingsButton open=settings_open node_ref=settings_button />
                    <a class="action site-library" href=format!("{base}{}", use_page_language().lists.library_path())>
                        <Icon kind=IconKind::Library />
                        <span class="action-label">{words.text(Word::HealthLibrary)}</span>
                    </a>
                    <a class="action action-primary" href=site.booking_url.clone()>
                        <Icon kind=IconKind::Book />
                        <span class="action-label">{words.text(Word::BookNow)}</span>
                    </a>
                    <a class="action" href=site.phone_href()>
                        <Icon kind=IconKind::Call />
                        <span class="action-label">{words.text(Word::CallUs)}</span>
                        <span class="action-detail">{site.phone.display.clone()}</span>
                    </a>
                </div>
            </div>
            <ReadingSettingsPanel open=settings_open button=settings_button />
        </header>
    }
}
