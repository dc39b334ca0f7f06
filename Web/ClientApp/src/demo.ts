// The demo site embeds the real widget with the same tag a customer's site uses:
// <script async src="…/widget.js" data-property="…"></script>, the property taken from ?property=.
const propertyId = new URLSearchParams(location.search).get("property") ?? "demo";
const tag = document.createElement("script");
tag.async = true;
tag.src = `${location.origin}/widget.js`;
tag.dataset.property = propertyId;
document.body.append(tag);
document.getElementById("snippet")!.textContent = tag.outerHTML;
