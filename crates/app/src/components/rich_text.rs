use std::sync::Arc;

use leptos::prelude::*;

use clinic_content::validate::is_safe_href;
use clinic_content::{Inline, Link, SiteSettings};

/// A run of rich text. Every piece is set as text, never as HTML; a link whose address is not
/// safe (validation refuses those, this is the last guard) shows as plain text.
#[component]
pub fn RichText(
    /// The spans, in order.
    content: Vec<Inline>,
) -> impl IntoView {
    let booking_url = use_context::<Arc<SiteSettings>>().map(|site| site.booking_url.clone());
    content
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Link(Link { text, href }) => safe_link(text, Some(href)),
            Inline::BookingLink(text) => safe_link(text, booking_url.clone()),
        })
        .collect_view()
}

fn safe_link(text: String, href: Option<String>) -> AnyView {
    match href.filter(|href| is_safe_href(href)) {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}
