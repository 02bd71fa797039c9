use std::sync::Arc;

use leptos::html::Button;
use leptos::prelude::*;

use crate::components::{
    AfterAnnouncement, ReadingSettingsButton, ReadingSettingsPanel, SiteSearch,
};
use crate::first_paint::FirstScreen;
use crate::site_address::use_site_address;
use clinic_content::library::{library_path, LIBRARY_NAME};
use clinic_content::SiteSettings;

/// The clinic's name, the way to every article, search, reading settings, and the two actions:
/// booking and calling.
#[component]
pub fn SiteHeader(site: Arc<SiteSettings>) -> impl IntoView {
    let settings_open = RwSignal::new(false);
    let settings_button = NodeRef::<Button>::new();
    let first_link = use_context::<AfterAnnouncement>()
        .map(|AfterAnnouncement(link)| link)
        .unwrap_or_default();
    let base = use_site_address().base;
    view! {
        <header class="site-header">
            // A row of its own above the clinic's name, which scrolls away where the rest
            // of the header stays at the top.
            <div class="site-tools">
                <nav class="site-nav" aria-label="Site">
                    <a href=format!("{base}{}", library_path()) node_ref=first_link>
                        {LIBRARY_NAME}
                    </a>
                </nav>
                // A part of its own: adopting the header is a long enough task without it.
                <FirstScreen>
                    <SiteSearch />
                </FirstScreen>
            </div>
            <div class="site-header-bar">
                <a class="site-name" href=base.clone()>
                    {site.clinic_name.clone()}
                </a>
                <div class="site-actions">
                    <ReadingSettingsButton open=settings_open node_ref=settings_button />
                    <a class="action action-primary" href=site.booking_url.clone()>"Book Now"</a>
                    <a class="action" href=site.phone_href()>
                        "Call Us "
                        <span class="action-detail">{site.phone.display.clone()}</span>
                    </a>
                </div>
            </div>
            <ReadingSettingsPanel open=settings_open button=settings_button />
        </header>
    }
}
