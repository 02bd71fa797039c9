use leptos::prelude::*;

use crate::components::RichText;
use crate::content::Block;

/// A paragraph or a bulleted list.
#[component]
pub fn ContentBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(content) => view! {
            <p>
                <RichText content />
            </p>
        }
        .into_any(),
        Block::List(items) => view! {
            <ul>
                {items
                    .into_iter()
                    .map(|content| view! { <li><RichText content /></li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// Several blocks in order.
pub fn blocks_view(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| view! { <ContentBlock block /> })
        .collect_view()
}
