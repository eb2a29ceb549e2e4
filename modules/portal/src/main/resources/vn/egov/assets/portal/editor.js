/*
 * The portal editors' rich text field. Each <textarea data-rich-text> becomes a TinyMCE editor; without
 * JavaScript (or if TinyMCE does not load) it stays a plain HTML textarea and the form works the same.
 * Whatever the editor produces is cleaned again on the server (jsoup's safelist): this script is a
 * convenience, never a safety measure. Served as a file (the page runs nothing inline); TinyMCE's skin and
 * content styles come from its own files, and its editing frame gets a policy of its own (no script at all).
 */
(function () {
  'use strict';
  if (!window.tinymce) {
    return;
  }
  // the interface strings the toolbar, menus and dialogs below use, in Vietnamese
  tinymce.addI18n('vi', {
    'Undo': 'Hoàn tác', 'Redo': 'Làm lại', 'Blocks': 'Kiểu đoạn', 'Paragraph': 'Đoạn văn',
    'Heading 2': 'Tiêu đề 2', 'Heading 3': 'Tiêu đề 3', 'Heading 4': 'Tiêu đề 4', 'Blockquote': 'Trích dẫn',
    'Bold': 'In đậm', 'Italic': 'In nghiêng', 'Underline': 'Gạch chân', 'Strikethrough': 'Gạch ngang',
    'Bullet list': 'Danh sách dấu chấm', 'Numbered list': 'Danh sách đánh số',
    'Decrease indent': 'Giảm thụt lề', 'Increase indent': 'Tăng thụt lề',
    'Link...': 'Liên kết...', 'Insert/edit link': 'Chèn/sửa liên kết', 'Insert/Edit Link': 'Chèn/sửa liên kết',
    'URL': 'Địa chỉ', 'Text to display': 'Chữ hiển thị', 'Title': 'Tiêu đề', 'Open link in...': 'Mở liên kết ở...',
    'Current window': 'Cửa sổ hiện tại', 'New window': 'Cửa sổ mới', 'Remove link': 'Bỏ liên kết', 'Open link': 'Mở liên kết',
    'Image...': 'Ảnh...', 'Insert/edit image': 'Chèn/sửa ảnh', 'Insert/Edit Image': 'Chèn/sửa ảnh', 'Source': 'Nguồn',
    'Image list': 'Ảnh của đơn vị', 'Alternative description': 'Mô tả thay thế (cho người không nhìn thấy ảnh)',
    'Image is decorative': 'Ảnh chỉ để trang trí', 'Width': 'Rộng', 'Height': 'Cao', 'Constrain proportions': 'Giữ tỉ lệ',
    'Dimensions': 'Kích thước', 'General': 'Chung', 'None': 'Không',
    'Table': 'Bảng', 'Insert table': 'Chèn bảng', 'Table properties': 'Thuộc tính bảng', 'Delete table': 'Xoá bảng',
    'Row': 'Hàng', 'Column': 'Cột', 'Cell': 'Ô', 'Insert row before': 'Chèn hàng phía trên', 'Insert row after': 'Chèn hàng phía dưới',
    'Delete row': 'Xoá hàng', 'Insert column before': 'Chèn cột bên trái', 'Insert column after': 'Chèn cột bên phải',
    'Delete column': 'Xoá cột', 'Header row': 'Hàng tiêu đề',
    'Source code': 'Mã HTML', 'Clear formatting': 'Xoá định dạng', 'Save': 'Lưu', 'Cancel': 'Huỷ', 'Close': 'Đóng',
    'Rich Text Area': 'Vùng soạn thảo', 'Press {0} for help': 'Nhấn {0} để xem trợ giúp',
    'Rich Text Area. Press ALT-0 for help.': 'Vùng soạn thảo. Nhấn ALT-0 để xem trợ giúp.',
    'Text color': 'Màu chữ', 'Formats': 'Định dạng', 'Words: {0}': 'Số từ: {0}', '{0} words': '{0} từ'
  });
  var base = document.querySelector('script[src*="/tinymce.min.js"]').src.replace(/\/tinymce\.min\.js.*$/, '');
  document.querySelectorAll('textarea[data-rich-text]').forEach(function (area) {
    tinymce.init({
      target: area,
      base_url: base,
      suffix: '.min',
      language: area.dataset.lang === 'en' ? 'en' : 'vi',
      menubar: false,
      branding: false,
      promotion: false,
      statusbar: true,
      elementpath: false,
      height: 420,
      plugins: 'lists link image table autolink code',
      toolbar: 'undo redo | blocks | bold italic underline strikethrough | bullist numlist outdent indent | '
        + 'blockquote link image table | removeformat code',
      block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
      // what the server keeps anyway (Sanitiser): no inline styles, no scripts, no frames
      valid_styles: {},
      invalid_elements: 'script,style,iframe,object,embed,form,input,button,svg,math',
      image_list: area.dataset.images,
      image_caption: false,
      image_dimensions: false,
      link_default_target: '',
      link_assume_external_targets: 'https',
      relative_urls: false,
      remove_script_host: true,
      convert_urls: true,
      entity_encoding: 'raw',
      table_style_by_css: false,
      // the editing frame's own policy: nothing runs in it; images from this site (and pasted ones as data/blob)
      content_security_policy: "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'",
      setup: function (editor) {
        // keep the textarea current, so that what is posted is what is seen (TinyMCE also saves on submit)
        editor.on('change input undo redo', function () { editor.save(); });
        // the resize handle is a labelled div with no role (an ARIA error): it is a focusable separator that the
        // arrow keys move, so it says so, with the editor's height as its value
        editor.on('init', function () {
          var handle = editor.getContainer().querySelector('.tox-statusbar__resize-handle');
          if (!handle) {
            return;
          }
          handle.setAttribute('role', 'separator');
          handle.setAttribute('aria-orientation', 'horizontal');
          handle.setAttribute('aria-valuemin', String(editor.options.get('min_height')));
          var height = function () {
            handle.setAttribute('aria-valuenow', String(Math.round(editor.getContainer().offsetHeight)));
          };
          height();
          editor.on('ResizeEditor', height);
        });
      }
    });
  });
})();
