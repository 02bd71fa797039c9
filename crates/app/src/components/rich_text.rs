use std::sync::Arc;

use leptos::prelude::*;

use clinic_content::validate::is_safe_href;
use clinic_content::{Inline, Link, SiteSettings};

use crate::site_address::use_site_address;

/// A run of rich text. Every piece is set as text, never as HTML; a link whose address is not
/// safe (validation refuses those, this is the last guard) shows as plain text. A link to a
/// path of this site (`/articles/…`) leads there under the site's base, wherever the site is
/// published (`/clinic/articles/…` under `/clinic/`).
#[component]
pub fn RichText(
    /// The spans, in order.
    content: Vec<Inline>,
) -> impl IntoView {
    let booking_url = use_context::<Arc<SiteSettings>>().map(|site| site.booking_url.clone());
    let base = use_site_address().base;
    content
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Link(Link { text, href }) => safe_link(text, Some(href), &base),
            Inline::BookingLink(text) => safe_link(text, booking_url.clone(), &base),
        })
        .collect_view()
}

fn safe_link(text: String, href: Option<String>, base: &str) -> AnyView {
    match href.filter(|href| is_safe_href(href)) {
        Some(href) => view! { <a href=under_base(&href, base)>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}

/// `href` with a path of this site (one starting with a single `/`) put under `base`.
fn under_base(href: &str, base: &str) -> String {
    match href.strip_prefix('/') {
        Some(path) if !path.starts_with('/') => format!("{base}{path}"),
        _ => href.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_path_goes_under_the_base_and_other_addresses_stay() {
        assert_eq!(
            under_base("/articles/a/", "/clinic/"),
            "/clinic/articles/a/"
        );
        assert_eq!(under_base("/articles/a/", "/"), "/articles/a/");
        assert_eq!(
            under_base("https://example.com/a", "/clinic/"),
            "https://example.com/a"
        );
        assert_eq!(under_base("tel:+1555", "/clinic/"), "tel:+1555");
    }
}
