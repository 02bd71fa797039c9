use std::sync::Arc;

use leptos::prelude::*;

use crate::content::outline::RELATED_ID;
use crate::content::{RelatedPost, SiteSettings};

/// Other articles from the clinic: links where the site says where they live, titles otherwise.
#[component]
pub fn RelatedPosts(posts: Vec<RelatedPost>, site: Arc<SiteSettings>) -> impl IntoView {
    (!posts.is_empty()).then(|| {
        let items = posts
            .into_iter()
            .map(|post| {
                let title = post.title.clone();
                match site.related_post_url(&post) {
                    Some(href) => view! { <li><a href=href>{title}</a></li> }.into_any(),
                    None => view! { <li>{title}</li> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <aside class="related-posts" aria-labelledby=RELATED_ID>
                <h2 id=RELATED_ID>"Related posts"</h2>
                <ul>{items}</ul>
            </aside>
        }
    })
}
