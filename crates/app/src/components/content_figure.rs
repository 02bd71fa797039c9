use leptos::prelude::*;

use clinic_content::Figure;

/// A picture in the text with its caption. Its width and height keep its room while it
/// loads, and it loads only as the reader nears it.
#[component]
pub fn ContentFigure(figure: Figure) -> impl IntoView {
    let caption = figure
        .caption
        .map(|caption| view! { <figcaption>{caption}</figcaption> });
    view! {
        <figure class="content-figure">
            <img
                src=figure.image
                alt=figure.alt
                width=figure.width
                height=figure.height
                loading="lazy"
                decoding="async"
            />
            {caption}
        </figure>
    }
}
