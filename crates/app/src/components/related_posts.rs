use std::sync::Arc;

use leptos::prelude::*;

use crate::components::ArticleCard;
use crate::words::use_words;
use clinic_content::ids::RELATED_ID;
use clinic_content::words::Word;
use clinic_content::{Library, RelatedPost, SiteSettings};

/// Other articles from the clinic: a card for each article of this site, and for the others
/// a link where the site says where they live, their title otherwise.
#[component]
pub fn RelatedPosts(
    posts: Vec<RelatedPost>,
    /// The cards of the posts that are articles of this site.
    local: Arc<Library>,
    site: Arc<SiteSettings>,
) -> impl IntoView {
    (!posts.is_empty()).then(|| {
        let items = posts
            .into_iter()
            .map(|post| {
                let title = post.title.clone();
                if let Some(entry) = local.get(&post.slug) {
                    return view! { <li><ArticleCard entry=entry.clone() brief=true /></li> }
                        .into_any();
                }
                match site.related_post_url(&post) {
                    Some(href) => view! { <li><a href=href>{title}</a></li> }.into_any(),
                    None => view! { <li>{title}</li> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <aside class="related-posts" aria-labelledby=RELATED_ID>
                <h2 id=RELATED_ID>{use_words().text(Word::RelatedPosts)}</h2>
                <ul>{items}</ul>
            </aside>
        }
    })
}
