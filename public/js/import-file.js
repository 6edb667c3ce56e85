// Progressive enhancement for the journey import: read a chosen .json file into the text field.
// Without JavaScript the person pastes the file's content instead.
document.querySelectorAll('.app-js-only').forEach((el) => el.removeAttribute('hidden'));
document.querySelectorAll('input[type=file][data-fills]').forEach((input) => {
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    const target = document.getElementById(input.dataset.fills);
    if (file && target) target.value = await file.text();
  });
});
